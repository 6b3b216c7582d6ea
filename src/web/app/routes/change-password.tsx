// Change password: back to the account page with a notice when it's done.
import { Link, useNavigate } from "react-router";
import { backToAccount } from "../../features/account/account-notice";
import { ChangePasswordForm } from "../../features/account/components/change-password-form";

export default function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Change password</h1>
      <p className="subpage__lead">Enter your current password, then your new password twice.</p>
      <div className="card">
        <ChangePasswordForm onChanged={(signedOutOtherDevices) => backToAccount(navigate, changedNotice(signedOutOtherDevices))} />
      </div>
    </div>
  );
}

function changedNotice(signedOutOtherDevices: number): string {
  if (signedOutOtherDevices === 0) return "Your password has been changed.";
  const devices = signedOutOtherDevices === 1 ? "1 other device was" : `${signedOutOtherDevices} other devices were`;
  return `Your password has been changed. ${devices} signed out and will need the new password.`;
}
