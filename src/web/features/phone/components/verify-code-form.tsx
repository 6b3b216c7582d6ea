// Add phone number, second step: the 6-digit code texted to the number, Verify, and Resend
// code, which waits out a visible countdown before it can be used again.
import { type FormEvent, useEffect, useId, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { Message, t, useT } from "../../../lib/i18n";
import { resendPhoneCode, verifyPhone } from "../api/phone";

const RESEND_AFTER_SEC = 30;
/** Codes after which only a new code helps: Resend code opens at once. */
const NEEDS_NEW_CODE = new Set(["CODE_EXPIRED", "CODE_ATTEMPTS_EXCEEDED"]);

interface VerifyCodeFormProps {
  masked: string;
  /** True when a code was texted a moment ago; false when coming back to verify later. */
  justSent: boolean;
  onVerified(masked: string): unknown;
  onUseAnotherNumber(): void;
}

export function VerifyCodeForm({ masked, justSent, onVerified, onUseAnotherNumber }: VerifyCodeFormProps) {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string>();
  const [resendAt, setResendAt] = useState(() => (justSent ? Date.now() + RESEND_AFTER_SEC * 1000 : 0));
  const waitSec = useCountdown(resendAt);
  // Verified already (in another tab, say): nothing to say, the number is done.
  const verify = useSubmission<"code">({
    fallback: t("account.verifyPhone.checkFailed"),
    at: { PHONE_ALREADY_VERIFIED: null, NO_PHONE: "form", PHONE_IN_USE: "form" },
    otherwise: "code",
  });
  const resend = useSubmission({ fallback: t("account.verifyPhone.resendFailed"), at: { PHONE_ALREADY_VERIFIED: null } });
  const busy = verify.pending || resend.pending;
  const focusCode = () => verify.form.current?.querySelector<HTMLInputElement>('[name="code"]')?.focus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    resend.reset();
    if (verify.invalid({ code: SIX_DIGITS.test(code) ? undefined : t("account.verifyPhone.codeMissing") })) return;
    const verified = await verify.run(async () => onVerified((await verifyPhone(code)).masked));
    if (verified.ok) return;
    if (verified.code === "PHONE_ALREADY_VERIFIED") return onVerified(masked);
    if (verified.code && NEEDS_NEW_CODE.has(verified.code)) setResendAt(0);
  }

  async function sendNewCode() {
    verify.reset();
    setNotice(undefined);
    const sent = await resend.run(resendPhoneCode);
    if (sent.ok) {
      setCode("");
      setNotice(t("account.verifyPhone.newCodeSent", { phone: sent.value.phone.masked }));
      setResendAt(Date.now() + RESEND_AFTER_SEC * 1000);
      return focusCode();
    }
    if (sent.code === "PHONE_ALREADY_VERIFIED") return onVerified(masked);
    if (sent.code === "RATE_LIMITED" && sent.retryAfterSec) setResendAt(Date.now() + sent.retryAfterSec * 1000);
  }

  const formError = verify.errors.form ?? resend.errors.form;
  return (
    <form ref={verify.form} className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="verify__title">
        {t("account.verifyPhone.title")}
      </h2>
      <p className="verify__lead">
        <Message
          id={justSent ? "account.verifyPhone.lead" : "account.verifyPhone.leadLater"}
          values={{ phone: masked }}
          components={{ 0: <span className="verify__number" dir="ltr" /> }}
        />
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <CodeField autoFocus value={code} onChange={setCode} error={verify.errors.code} />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {verify.pending ? t("account.verifyPhone.verifying") : t("account.verifyPhone.verify")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void sendNewCode()}
          disabled={busy || waitSec > 0}
          aria-describedby={waitSec > 0 ? `${id}-wait` : undefined}
        >
          {resend.pending ? t("account.verifyPhone.sending") : t("account.verifyPhone.resend")}
        </button>
      </div>
      {waitSec > 0 && (
        <p className="field__hint verify__wait" id={`${id}-wait`}>
          <Message
            id="account.verifyPhone.wait"
            values={{ wait: formatWait(waitSec) }}
            components={{ 0: <span className="verify__countdown" /> }}
          />
        </p>
      )}
      <p className="verify__other">
        <Message
          id="account.verifyPhone.wrongNumber"
          components={{ 0: <button type="button" className="button button--link" onClick={onUseAnotherNumber} /> }}
        />
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
  if (seconds < 60) return t("account.verifyPhone.waitSeconds", { seconds });
  return t("account.verifyPhone.waitMinutes", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
