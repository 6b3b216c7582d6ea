// Forgot password by text message, second step: the 6-digit code, the new password twice.
// Every failing code gets the same answer from the API (wrong, expired, used, unknown
// address), so the page can only say that and offer a new code.
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { completePasswordReset } from "../api/password-reset";
import { checkNewPassword, NEW_PASSWORD_CODES, NewPasswordFields } from "../../auth/components/new-password-fields";

type Errors = { code?: string; next?: string; confirm?: string; form?: string };

export function ResetCodeForm({ email, onSignedIn, onNewCode }: { email: string; onSignedIn(): void; onNewCode(): void }) {
  const id = useId();
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    const first = (["code", "next", "confirm"] as const).find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = { ...checkNewPassword(next, confirm) };
    if (!/^\d{6}$/.test(code)) found.code = "Enter the 6 digits from the text message.";
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    setErrors({});
    try {
      await completePasswordReset({ email, code }, next);
      onSignedIn();
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Your password couldn't be set. Please try again.");
      const failed = failure instanceof ApiError ? failure.code : undefined;
      if (failed === "RESET_CODE_INVALID") show({ code: message });
      else if (failed && NEW_PASSWORD_CODES.has(failed)) show({ next: message });
      else show({ form: message });
    }
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <div className={`field verify__code${errors.code ? " field--invalid" : ""}`}>
        <label htmlFor={`${id}-code`}>6-digit code</label>
        <input
          id={`${id}-code`}
          autoFocus
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          required
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, "").slice(0, 6))}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? `${id}-error` : `${id}-hint`}
        />
        {errors.code ? (
          <p className="field__error" id={`${id}-error`}>
            {errors.code}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-hint`}>
            The code works for 10 minutes.
          </p>
        )}
      </div>
      <NewPasswordFields
        next={next}
        confirm={confirm}
        errors={errors}
        hints={[email, email.split("@")[0] ?? ""]}
        onNext={setNext}
        onConfirm={setConfirm}
      />
      <button className="button button--primary button--block" type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save"}
      </button>
      <p className="form-footer">
        No text message?{" "}
        <button type="button" className="button button--link" onClick={onNewCode}>
          Ask for a new code
        </button>
      </p>
    </form>
  );
}
