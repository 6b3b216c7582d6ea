// Add phone number, second step: the 6-digit code texted to the number, Verify, and Resend
// code, which waits out a visible countdown before it can be used again.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { resendPhoneCode, verifyPhone } from "../api/phone";

const RESEND_AFTER_SEC = 30;
/** Codes after which only a new code helps: Resend code opens at once. */
const NEEDS_NEW_CODE = new Set(["CODE_EXPIRED", "CODE_ATTEMPTS_EXCEEDED"]);

interface VerifyCodeFormProps {
  masked: string;
  /** True when a code was texted a moment ago; false when coming back to verify later. */
  justSent: boolean;
  onVerified(masked: string): void;
  onUseAnotherNumber(): void;
}

export function VerifyCodeForm({ masked, justSent, onVerified, onUseAnotherNumber }: VerifyCodeFormProps) {
  const id = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<"verify" | "resend">();
  const [resendAt, setResendAt] = useState(() => (justSent ? Date.now() + RESEND_AFTER_SEC * 1000 : 0));
  const waitSec = useCountdown(resendAt);
  const input = useRef<HTMLInputElement>(null);

  async function verify(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    setNotice(undefined);
    if (!SIX_DIGITS.test(code)) {
      setError("Enter the 6 digits from the text message.");
      return input.current?.focus();
    }
    setBusy("verify");
    setError(undefined);
    try {
      onVerified((await verifyPhone(code)).masked);
    } catch (failure) {
      setBusy(undefined);
      const failed = failure instanceof ApiError ? failure.code : undefined;
      if (failed === "PHONE_ALREADY_VERIFIED") return onVerified(masked);
      const message = failureMessage(failure, "The code couldn't be checked. Please try again.");
      if (failed === "NO_PHONE" || failed === "PHONE_IN_USE") return setFormError(message);
      if (failed && NEEDS_NEW_CODE.has(failed)) setResendAt(0);
      setError(message);
      input.current?.focus();
    }
  }

  async function resend() {
    setBusy("resend");
    setError(undefined);
    setFormError(undefined);
    setNotice(undefined);
    try {
      const sent = await resendPhoneCode();
      setCode("");
      setNotice(`We texted a new code to ${sent.phone.masked}.`);
      setResendAt(Date.now() + RESEND_AFTER_SEC * 1000);
      input.current?.focus();
    } catch (failure) {
      const failed = failure instanceof ApiError ? failure : undefined;
      if (failed?.code === "PHONE_ALREADY_VERIFIED") return onVerified(masked);
      if (failed?.code === "RATE_LIMITED" && failed.retryAfterSec) setResendAt(Date.now() + failed.retryAfterSec * 1000);
      setFormError(failureMessage(failure, "A new code couldn't be sent. Please try again."));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <form className="form" onSubmit={verify} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="verify__title">
        Check your phone
      </h2>
      <p className="verify__lead">
        Enter the 6-digit code we texted to <span className="verify__number">{masked}</span>.
        {!justSent && " If you no longer have it, or it has expired, ask for a new one."}
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <CodeField inputRef={input} autoFocus value={code} onChange={setCode} error={error} />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={busy !== undefined}>
          {busy === "verify" ? "Verifying…" : "Verify"}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void resend()}
          disabled={busy !== undefined || waitSec > 0}
          aria-describedby={waitSec > 0 ? `${id}-wait` : undefined}
        >
          {busy === "resend" ? "Sending…" : "Resend code"}
        </button>
      </div>
      {waitSec > 0 && (
        <p className="field__hint verify__wait" id={`${id}-wait`}>
          You can ask for a new code in <span className="verify__countdown">{formatWait(waitSec)}</span>.
        </p>
      )}
      <p className="verify__other">
        Wrong number?{" "}
        <button type="button" className="button button--link" onClick={onUseAnotherNumber}>
          Use a different number
        </button>
      </p>
    </form>
  );
}

/** Seconds left until `at`, ticking once a second. */
function useCountdown(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (at <= Date.now()) return;
    const timer = setInterval(() => {
      const tick = Date.now();
      setNow(tick);
      if (tick >= at) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [at]);
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
