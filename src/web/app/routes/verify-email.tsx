// The sign-up email's link (`/verify-email#token=…`): verifies the address on opening, on any
// device, signed in or not; then says so and leads to Account.
import { Link } from "react-router";
import { PublicHeader } from "../../features/auth/components/public-header";
import { verifyEmail } from "../../features/recovery/api/email";
import { LinkResult } from "../../features/recovery/components/link-result";

export default function VerifyEmailPage() {
  return (
    <>
      <PublicHeader show="both" />
      <main id="main" className="page page--narrow">
        <div className="card link-page">
          <h1>Verify your email</h1>
          <LinkResult
            redeem={verifyEmail}
            working="Verifying your email address…"
            done={({ email }) => (
              <>
                Thank you: <strong className="break-anywhere">{email}</strong> is verified.
              </>
            )}
            failed={() => <p>You can ask for a new link from the reminder at the top of your account pages.</p>}
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
