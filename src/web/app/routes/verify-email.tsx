// The sign-up email's link (`/verify-email#token=…`): verifies the address on opening, on any
// device, signed in or not; then says so and leads to Account. A browser that is signed in
// goes on to its profiles (or the chosen profile's home) and is told there.
import { useCallback, useState } from "react";
import { Link, useNavigate } from "react-router";
import { PublicHeader } from "../../features/auth/components/public-header";
import { verifyEmail } from "../../features/recovery/api/email";
import { LinkResult } from "../../features/recovery/components/link-result";
import { signedInHere } from "../../features/session/api/get-me";
import { withNotice } from "../../lib/page-notice";
import { signedInHome } from "../signed-out-pages";

export default function VerifyEmailPage() {
  const navigate = useNavigate();
  // Asked while the link is being checked, so a signed-in browser moves on without a pause.
  const [signedIn] = useState(signedInHere);
  const goOnIfSignedIn = useCallback(
    async ({ email }: { email: string }) => {
      const me = await signedIn;
      if (me) await navigate(signedInHome(me), { replace: true, ...withNotice(`Thank you: ${email} is verified.`) });
    },
    [navigate, signedIn],
  );
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
            onDone={(verified) => void goOnIfSignedIn(verified)}
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
