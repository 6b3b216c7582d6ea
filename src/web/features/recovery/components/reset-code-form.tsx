// Forgot password by text message, second step: the 6-digit code, the new password twice.
// Every failing code gets the same answer from the API (wrong, expired, used, unknown
// address), so the page can only say that and offer a new code. A new code is a new request,
// a flow of its own: the code is sent back with the newest request's flowId.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { completePasswordReset, requestPasswordReset } from "../api/password-reset";
import { checkNewPassword, NEW_PASSWORD_CODES, NewPasswordFields } from "../../auth/components/new-password-fields";

type Errors = { code?: string; next?: string; confirm?: string; form?: string };

interface ResetCodeFormProps {
  email: string;
  /** The request that texted the code. */
  flowId: string;
  onSignedIn(): void;
  onStartOver(): void;
}

export function ResetCodeForm({ email, flowId: firstFlowId, onSignedIn, onStartOver }: ResetCodeFormProps) {
  const [flowId, setFlowId] = useState(firstFlowId);
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<"save" | "resend">();
  const form = useRef<HTMLFormElement>(null);

  function show(found: Errors) {
    setErrors(found);
    const first = (["code", "next", "confirm"] as const).find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const found: Errors = { ...checkNewPassword(next, confirm) };
    if (!SIX_DIGITS.test(code)) found.code = "Enter the 6 digits from the text message.";
    if (Object.keys(found).length > 0) return show(found);
    setBusy("save");
    setErrors({});
    try {
      await completePasswordReset({ flowId, code }, next);
      onSignedIn();
    } catch (failure) {
      setBusy(undefined);
      const message = failureMessage(failure, "Your password couldn't be set. Please try again.");
      const failed = failure instanceof ApiError ? failure.code : undefined;
      if (failed === "RESET_CODE_INVALID") show({ code: message });
      else if (failed && NEW_PASSWORD_CODES.has(failed)) show({ next: message });
      else show({ form: message });
    }
  }

  async function sendNewCode() {
    setBusy("resend");
    setErrors({});
    setNotice(undefined);
    try {
      setFlowId((await requestPasswordReset(email, "sms")).flowId);
      setCode("");
      setNotice("We've sent a new code. Use the one in the newest text message.");
      form.current?.querySelector<HTMLInputElement>('[name="code"]')?.focus();
    } catch (failure) {
      show({ form: failureMessage(failure, "A new code couldn't be sent. Please try again.") });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={submit} noValidate>
      {notice && <Alert tone="success">{notice}</Alert>}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <CodeField autoFocus value={code} onChange={setCode} error={errors.code} />
      <NewPasswordFields
        next={next}
        confirm={confirm}
        errors={errors}
        hints={[email, email.split("@")[0] ?? ""]}
        onNext={setNext}
        onConfirm={setConfirm}
      />
      <button className="button button--primary button--block" type="submit" disabled={busy !== undefined}>
        {busy === "save" ? "Saving…" : "Save"}
      </button>
      <p className="form-footer">
        No text message?{" "}
        <button type="button" className="button button--link" onClick={() => void sendNewCode()} disabled={busy !== undefined}>
          {busy === "resend" ? "Sending…" : "Send a new code"}
        </button>{" "}
        or{" "}
        <button type="button" className="button button--link" onClick={onStartOver} disabled={busy !== undefined}>
          use a different email
        </button>
        .
      </p>
    </form>
  );
}
