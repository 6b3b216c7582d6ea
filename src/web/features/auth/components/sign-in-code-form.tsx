// The 6-digit sign-in code and Sign In: after "Use a sign-in code", and when a new device's
// password sign-in is finished with a code. Every failing code gets the same answer from the
// API (wrong, expired, used, tried too often), so the page can only say that.
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { completeSignInCode } from "../api/sign-in-code";
import type { TwoStepRequiredResponse } from "../api/sign-in";

export const EMAIL_HINT = "Nothing in your inbox after a minute? Check your spam folder.";
export const TEXT_HINT = "Text messages can take a minute to arrive.";

interface SignInCodeFormProps {
  flowId: string;
  /** Under the field: where to look when the code is slow to arrive. */
  hint: string;
  onSignedIn(): void;
  /** Two-step verification is on: the code was right, the second step comes next. */
  onSecondStep(attempt: TwoStepRequiredResponse): void;
}

export function SignInCodeForm({ flowId, hint, onSignedIn, onSecondStep }: SignInCodeFormProps) {
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    if (!SIX_DIGITS.test(code)) {
      setCodeError("Enter the 6 digits from the email or text message.");
      return input.current?.focus();
    }
    setBusy(true);
    setCodeError(undefined);
    try {
      const result = await completeSignInCode(flowId, code);
      if ("twoStepRequired" in result) return onSecondStep(result);
      onSignedIn();
    } catch (failure) {
      setBusy(false);
      const message = failureMessage(failure, "Signing in failed. Please try again.");
      if (failure instanceof ApiError && failure.code === "SIGN_IN_CODE_INVALID") {
        setCodeError(message);
        input.current?.focus();
      } else {
        setFormError(message);
      }
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <CodeField inputRef={input} autoFocus value={code} onChange={setCode} error={codeError} hint={hint} />
      <button className="button button--primary button--block" type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign In"}
      </button>
    </form>
  );
}
