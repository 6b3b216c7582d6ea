// The change-email link (`/confirm-email#token=…`), opened from the new address's inbox: makes
// it the account's email on opening, then says so. The old address gets a notice.
import { Link } from "react-router";
import { PublicHeader } from "../../features/auth/components/public-header";
import { confirmEmailChange } from "../../features/recovery/api/email";
import { LinkResult } from "../../features/recovery/components/link-result";

export default function ConfirmEmailPage() {
  return (
    <>
      <PublicHeader show="both" />
      <main id="main" className="page page--narrow">
        <div className="card link-page">
          <h1>Confirm your new email</h1>
          <LinkResult
            redeem={confirmEmailChange}
            working="Confirming your new email address…"
            done={({ email }) => (
              <>
                Your account's email is now <strong className="break-anywhere">{email}</strong>. Use it to sign in from now on.
              </>
            )}
            failed={() => <p>You can change your email again from Membership &amp; Billing on your account.</p>}
          />
          <p className="form-footer">
            <Link className="button button--primary" to="/account">
              Go to Account
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
