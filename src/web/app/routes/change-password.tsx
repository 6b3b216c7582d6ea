// Change password: back to the account page with a notice when it's done.
import { Link, useNavigate } from "react-router";
import { backToAccount } from "../../features/account/account-notice";
import { ChangePasswordForm } from "../../features/account/components/change-password-form";
import { t, useT } from "../../lib/i18n";

export default function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.changePassword.back")}
      </Link>
      <h1>{t("account.changePassword.title")}</h1>
      <p className="subpage__lead">{t("account.changePassword.lead")}</p>
      <div className="card">
        <ChangePasswordForm onChanged={(signedOutOtherDevices) => backToAccount(navigate, changedNotice(signedOutOtherDevices))} />
      </div>
    </div>
  );
}

function changedNotice(signedOutOtherDevices: number): string {
  if (signedOutOtherDevices === 0) return t("account.changePassword.changed");
  return t("account.changePassword.changedSignedOut", { count: signedOutOtherDevices });
}
