// The reminder on signed-in pages while the account's email is not verified: Resend email,
// and a way to put it away for the rest of this browser session (sessionStorage holds only
// that choice, nothing secret). It knows from /me, which the signed-in layout has loaded
// before it draws, so it is there with the page's first frame: appearing a moment later, it
// would push down what the owner was about to tap.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Message, useT } from "../../../lib/i18n";
import { resendVerification } from "../api/email";

const DISMISSED = "usher.verify-email-banner.dismissed";

export function VerifyEmailBanner({ email, emailVerified }: { email: string; emailVerified: boolean }) {
  const t = useT();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) !== null);
  const [sentTo, setSentTo] = useState<string>();
  const resend = useSubmission({ fallback: t("auth.verifyBanner.failed") });

  if (emailVerified || dismissed) return null;

  async function sendAgain() {
    const sent = await resend.run(resendVerification);
    if (sent.ok) setSentTo(sent.value.sentTo);
  }

  function dismiss() {
    sessionStorage.setItem(DISMISSED, "1");
    setDismissed(true);
  }

  return (
    <section className="verify-banner" aria-label={t("auth.verifyBanner.label")}>
      <div className="verify-banner__text" role="status">
        {sentTo ? (
          <p>
            <Message id="auth.verifyBanner.sent" values={{ email: sentTo }} components={{ 0: <strong className="break-anywhere" /> }} />
          </p>
        ) : (
          <p>
            <Message id="auth.verifyBanner.reminder" values={{ email }} components={{ 0: <strong className="break-anywhere" /> }} />
          </p>
        )}
        {resend.errors.form && <p className="verify-banner__error">{resend.errors.form}</p>}
      </div>
      <div className="verify-banner__actions">
        {!sentTo && (
          <button type="button" className="button button--secondary" onClick={() => void sendAgain()} disabled={resend.pending}>
            {resend.pending ? t("auth.verifyBanner.sending") : t("auth.verifyBanner.resend")}
          </button>
        )}
        <button type="button" className="button button--link" onClick={dismiss}>
          {t("auth.verifyBanner.dismiss")}
        </button>
      </div>
    </section>
  );
}
