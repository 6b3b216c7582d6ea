// The reminder on signed-in pages while the account's email is not verified: Resend email,
// and a way to put it away for the rest of this browser session (sessionStorage holds only
// that choice, nothing secret). It knows from /me, which the signed-in layout has loaded
// before it draws, so it is there with the page's first frame: appearing a moment later, it
// would push down what the owner was about to tap.
import { useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { resendVerification } from "../api/email";

const DISMISSED = "usher.verify-email-banner.dismissed";

export function VerifyEmailBanner({ email, emailVerified }: { email: string; emailVerified: boolean }) {
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) !== null);
  const [sentTo, setSentTo] = useState<string>();
  const resend = useSubmission({ fallback: "The email couldn't be sent. Please try again." });

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
    <section className="verify-banner" aria-label="Verify your email">
      <div className="verify-banner__text" role="status">
        {sentTo ? (
          <p>
            We've sent a new link to <strong className="break-anywhere">{sentTo}</strong>. Open it to verify your email.
          </p>
        ) : (
          <p>
            Please verify your email address, <strong className="break-anywhere">{email}</strong>: open the link we emailed you.
          </p>
        )}
        {resend.errors.form && <p className="verify-banner__error">{resend.errors.form}</p>}
      </div>
      <div className="verify-banner__actions">
        {!sentTo && (
          <button type="button" className="button button--secondary" onClick={() => void sendAgain()} disabled={resend.pending}>
            {resend.pending ? "Sending…" : "Resend email"}
          </button>
        )}
        <button type="button" className="button button--link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
