// The sign-up email's link (`/verify-email#token=…`): verifies the address on opening, on any
// device, signed in or not; then says so and leads to Account. A browser that is signed in
// goes on to its profiles (or the chosen profile's home) and is told there.
import { useCallback, useState } from "react";
import { Link, useNavigate } from "react-router";
import { PublicHeader } from "../../features/auth/components/public-header";
import { verifyEmail } from "../../features/recovery/api/email";
import { LinkResult } from "../../features/recovery/components/link-result";
import { signedInHere } from "../../features/session/api/get-me";
import { Message, useT } from "../../lib/i18n";
import { withNotice } from "../../lib/page-notice";
import { signedInHome } from "../signed-out-pages";

export default function VerifyEmailPage() {
  const t = useT();
  const navigate = useNavigate();
  // Asked while the link is being checked, so a signed-in browser moves on without a pause.
  const [signedIn] = useState(signedInHere);
  const goOnIfSignedIn = useCallback(
    async ({ email }: { email: string }) => {
      const me = await signedIn;
      if (me) await navigate(signedInHome(me), { replace: true, ...withNotice(t("auth.verifyEmail.verifiedNotice", { email })) });
    },
    [navigate, signedIn, t],
  );
  return (
    <>
      <PublicHeader show="both" />
      <main id="main" className="page page--narrow">
        <div className="card link-page">
          <h1>{t("auth.verifyEmail.title")}</h1>
          <LinkResult
            redeem={verifyEmail}
            working={t("auth.verifyEmail.working")}
            done={({ email }) => (
              <Message id="auth.verifyEmail.verified" values={{ email }} components={{ 0: <strong className="break-anywhere" /> }} />
            )}
            failed={() => <p>{t("auth.verifyEmail.failedHelp")}</p>}
            onDone={(verified) => void goOnIfSignedIn(verified)}
          />
          <p className="form-footer">
            <Link className="button button--primary" to="/account">
              {t("auth.verifyEmail.toAccount")}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
