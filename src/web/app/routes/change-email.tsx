// Change email (Membership & Billing): the new address and the current password, then "check
// your new inbox"; the change happens when the link there is opened.
import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { ChangeEmailForm } from "../../features/recovery/components/change-email-form";

export default function ChangeEmailPage() {
  const [sentTo, setSentTo] = useState<string>();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Change email</h1>
      {sentTo ? (
        <div className="card">
          <h2 className="verify__title">Check your new inbox</h2>
          <Alert tone="success">
            We've sent a link to <strong className="break-anywhere">{sentTo}</strong>. Open it within 24 hours to make it your account's
            email. Until then, keep signing in with your current email.
          </Alert>
          <p className="form-footer">
            <Link to="/account">Back to Account</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="subpage__lead">We'll send a link to the new address. Your email changes once you open it.</p>
          <div className="card">
            <ChangeEmailForm onSent={setSentTo} />
          </div>
        </>
      )}
    </div>
  );
}
