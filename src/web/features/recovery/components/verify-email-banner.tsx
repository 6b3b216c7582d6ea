// The reminder on signed-in pages while the account's email is not verified: Resend email,
// and a way to put it away for the rest of this browser session (sessionStorage holds only
// that choice, nothing secret).
import { useEffect, useState } from "react";
import { failureMessage } from "../../../lib/api-client";
import { getEmailStatus, resendVerification } from "../api/email";

const DISMISSED = "usher.verify-email-banner.dismissed";

type State = { status: "hidden" } | { status: "shown"; email: string } | { status: "sent"; email: string } | { status: "failed"; email: string; message: string };

export function VerifyEmailBanner() {
  const [state, setState] = useState<State>({ status: "hidden" });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (sessionStorage.getItem(DISMISSED)) return;
    let current = true;
    // Quietly: a page that can't load the account has its own ways of saying so.
    getEmailStatus().then(
      (account) => current && !account.emailVerified && setState({ status: "shown", email: account.email }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  if (state.status === "hidden") return null;

  async function resend(email: string) {
    setBusy(true);
    try {
      const { sentTo } = await resendVerification();
      setState({ status: "sent", email: sentTo });
    } catch (failure) {
      setState({ status: "failed", email, message: failureMessage(failure, "The email couldn't be sent. Please try again.") });
    } finally {
      setBusy(false);
    }
  }

  function dismiss() {
    sessionStorage.setItem(DISMISSED, "1");
    setState({ status: "hidden" });
  }

  return (
    <section className="verify-banner" aria-label="Verify your email">
      <div className="verify-banner__text" role="status">
        {state.status === "sent" ? (
          <p>
            We've sent a new link to <strong className="break-anywhere">{state.email}</strong>. Open it to verify your email.
          </p>
        ) : (
          <p>
            Please verify your email address, <strong className="break-anywhere">{state.email}</strong>: open the link we emailed you.
          </p>
        )}
        {state.status === "failed" && <p className="verify-banner__error">{state.message}</p>}
      </div>
      <div className="verify-banner__actions">
        {state.status !== "sent" && (
          <button type="button" className="button button--secondary" onClick={() => void resend(state.email)} disabled={busy}>
            {busy ? "Sending…" : "Resend email"}
          </button>
        )}
        <button type="button" className="button button--link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
