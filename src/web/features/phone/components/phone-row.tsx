// The phone row of Membership & Billing: the masked number and whether it is verified, with
// Add phone number, or Verify / Change / Remove (after the current password).
import { useState } from "react";
import { Link } from "react-router";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import { useT } from "../../../lib/i18n";
import { type Phone, removePhone } from "../api/phone";

export function PhoneRow({ phone, onRemoved }: { phone: Phone | null; onRemoved(): unknown }) {
  const t = useT();
  const [removing, setRemoving] = useState(false);

  if (!phone) {
    return (
      <div className="row">
        <div className="row__value">
          <span className="row__label">{t("account.phoneRow.label")}</span>
          <span className="row__hint">{t("account.phoneRow.none")}</span>
        </div>
        <div className="row__actions">
          <Link to="/account/phone">{t("account.phoneRow.add")}</Link>
        </div>
      </div>
    );
  }

  return (
    <div className="row">
      <div className="row__value">
        <span className="row__label">{t("account.phoneRow.label")}</span>
        <span className="phone-row__number">
          <span dir="ltr">{phone.masked}</span>
          <span className={`badge ${phone.verified ? "badge--ok" : "badge--warn"}`}>
            {phone.verified ? t("account.phoneRow.verified") : t("account.phoneRow.notVerified")}
          </span>
        </span>
        {phone.smsOptIn && <span className="row__hint">{t("account.phoneRow.textsOn")}</span>}
      </div>
      <div className="row__actions">
        {!phone.verified && <Link to="/account/phone?step=code">{t("account.phoneRow.verify")}</Link>}
        <Link to="/account/phone">{t("account.phoneRow.change")}</Link>
        <button type="button" className="button button--link" onClick={() => setRemoving(true)}>
          {t("account.phoneRow.remove")}
        </button>
      </div>
      <PasswordDialog
        open={removing}
        title={t("account.phoneRow.removeTitle")}
        label={t("account.phoneRow.removePassword")}
        missing={t("account.phoneRow.removePasswordMissing")}
        confirmLabel={t("account.phoneRow.removeConfirm")}
        busyLabel={t("account.phoneRow.removing")}
        failed={t("account.phoneRow.removeFailed")}
        onConfirm={async (password) => {
          await removePhone(password);
          setRemoving(false);
          await onRemoved();
        }}
        onCancel={() => setRemoving(false)}
      >
        <p>{t("account.phoneRow.removeWarning")}</p>
      </PasswordDialog>
    </div>
  );
}
