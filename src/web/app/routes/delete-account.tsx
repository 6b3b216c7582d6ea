// Delete account (Security & Privacy): what goes with the account, that it can't be undone, a
// way to download the data first, then a box to tick and Delete account ("Confirm it's you"
// first when the last proof is old). This browser then lands on Sign In, saying it is done;
// its other tabs and the account's other devices hear at once that they were signed out.
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { DeleteAccountForm } from "../../features/account/components/delete-account-form";
import type { SignInReason } from "../../lib/sign-in-reasons";
import { useSignedIn } from "../signed-in-data";

const DELETED: SignInReason = "deleted-account";

export default function DeleteAccountPage() {
  const { me, profiles } = useSignedIn();
  const navigate = useNavigate();
  const names = profiles.map((profile) => profile.name).join(", ");

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Delete account</h1>
      <p className="subpage__lead">
        This deletes the Usher account <strong className="break-anywhere">{me.account.email}</strong> and everything in it, for everyone in
        your household. It can't be undone.
      </p>
      <div className="card">
        <h2>What you'll lose</h2>
        <ul>
          <li>Every profile{names ? ` (${names})` : ""} and its viewing history</li>
          <li>Your list of devices: every browser, phone and TV is signed out, and anything playing stops</li>
          <li>Your passkeys and two-step verification settings</li>
          <li>Your plan: your membership ends</li>
          <li>Your account activity</li>
        </ul>
        <Alert tone="info">
          Want a copy first? <Link to="/account/data">Download your data</Link> before you delete your account.
        </Alert>
        <DeleteAccountForm onDeleted={() => navigate(`/sign-in?reason=${DELETED}`, { replace: true })} />
      </div>
    </div>
  );
}
