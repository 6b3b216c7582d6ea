// Delete account (Security & Privacy): what goes with the account, that it can't be undone, a
// way to download the data first, then a box to tick and Delete account ("Confirm it's you"
// first when the last proof is old). This browser then lands on Sign In, saying it is done;
// its other tabs and the account's other devices hear at once that they were signed out.
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { DeleteAccountForm } from "../../features/account/components/delete-account-form";
import { activeLanguage, Message, useT } from "../../lib/i18n";
import type { SignInReason } from "../../lib/sign-in-reasons";
import { useSignedIn } from "../signed-in-data";

const DELETED: SignInReason = "deleted-account";

export default function DeleteAccountPage() {
  const t = useT();
  const { me, profiles } = useSignedIn();
  const navigate = useNavigate();
  const names = new Intl.ListFormat(activeLanguage(), { type: "unit", style: "short" }).format(profiles.map((profile) => profile.name));

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.deleteAccount.back")}
      </Link>
      <h1>{t("account.deleteAccount.title")}</h1>
      <p className="subpage__lead">
        <Message
          id="account.deleteAccount.lead"
          values={{ email: me.account.email }}
          components={{ 0: <strong className="break-anywhere" /> }}
        />
      </p>
      <div className="card">
        <h2>{t("account.deleteAccount.loseTitle")}</h2>
        <ul>
          <li>{names ? t("account.deleteAccount.loseProfilesNamed", { names }) : t("account.deleteAccount.loseProfiles")}</li>
          <li>{t("account.deleteAccount.loseDevices")}</li>
          <li>{t("account.deleteAccount.loseSecurity")}</li>
          <li>{t("account.deleteAccount.losePlan")}</li>
          <li>{t("account.deleteAccount.loseActivity")}</li>
        </ul>
        <Alert tone="info">
          <Message id="account.deleteAccount.copyFirst" components={{ 0: <Link to="/account/data" /> }} />
        </Alert>
        <DeleteAccountForm onDeleted={() => navigate(`/sign-in?reason=${DELETED}`, { replace: true })} />
      </div>
    </div>
  );
}
