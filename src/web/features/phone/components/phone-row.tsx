// The phone row of Membership & Billing: the masked number and whether it is verified, with
// Add phone number, or Verify / Change / Remove (after the current password).
import { useState } from "react";
import { Link } from "react-router";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import { type Phone, removePhone } from "../api/phone";

export function PhoneRow({ phone, onRemoved }: { phone: Phone | null; onRemoved(): unknown }) {
  const [removing, setRemoving] = useState(false);

  if (!phone) {
    return (
      <div className="row">
        <div className="row__value">
          <span className="row__label">Phone</span>
          <span className="row__hint">No phone number yet. Add one to get account updates and recover your account.</span>
        </div>
        <div className="row__actions">
          <Link to="/account/phone">Add phone number</Link>
        </div>
      </div>
    );
  }

  return (
    <div className="row">
      <div className="row__value">
        <span className="row__label">Phone</span>
        <span className="phone-row__number">
          <span>{phone.masked}</span>
          <span className={`badge ${phone.verified ? "badge--ok" : "badge--warn"}`}>{phone.verified ? "Verified" : "Not verified"}</span>
        </span>
        {phone.smsOptIn && <span className="row__hint">Text messages on</span>}
      </div>
      <div className="row__actions">
        {!phone.verified && <Link to="/account/phone?step=code">Verify phone number</Link>}
        <Link to="/account/phone">Change phone number</Link>
        <button type="button" className="button button--link" onClick={() => setRemoving(true)}>
          Remove phone number
        </button>
      </div>
      <PasswordDialog
        open={removing}
        title="Remove phone number?"
        label="Current password"
        missing="Enter your current password."
        confirmLabel="Remove"
        busyLabel="Removing…"
        failed="Your phone number couldn't be removed. Please try again."
        onConfirm={async (password) => {
          await removePhone(password);
          setRemoving(false);
          await onRemoved();
        }}
        onCancel={() => setRemoving(false)}
      >
        <p>You won't get texts from Usher any more, and you can't use this number to get back into your account.</p>
      </PasswordDialog>
    </div>
  );
}
