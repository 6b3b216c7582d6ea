// The 6-digit sign-in code and Sign In: after "Use a sign-in code", and when a new device's
// password sign-in is finished with a code. Every failing code gets the same answer from the
// API (wrong, expired, used, tried too often), so the page can only say that.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { type MessageId, useT } from "../../../lib/i18n";
import type { TwoStepRequiredResponse } from "../api/sign-in";
import { completeSignInCode } from "../api/sign-in-code";

/** The hints for `hint`, by where the code went. */
export const EMAIL_HINT: MessageId = "auth.signInCodeForm.emailHint";
export const TEXT_HINT: MessageId = "auth.signInCodeForm.textHint";

interface SignInCodeFormProps {
  flowId: string;
  /** Under the field: where to look when the code is slow to arrive. */
  hint: string;
  onSignedIn(): unknown;
  /** Two-step verification is on: the code was right, the second step comes next. */
  onSecondStep(attempt: TwoStepRequiredResponse): void;
}

export function SignInCodeForm({ flowId, hint, onSignedIn, onSecondStep }: SignInCodeFormProps) {
  const t = useT();
  const [code, setCode] = useState("");
  const signingIn = useSubmission<"code">({ fallback: t("auth.signInCodeForm.failed"), at: { SIGN_IN_CODE_INVALID: "code" } });

  function submit() {
    if (signingIn.invalid({ code: SIX_DIGITS.test(code) ? undefined : t("auth.signInCodeForm.enterCode") })) return;
    void signingIn.run(async () => {
      const result = await completeSignInCode(flowId, code);
      if ("twoStepRequired" in result) onSecondStep(result);
      else await onSignedIn();
    });
  }

  return (
    <Form submission={signingIn} onSubmit={submit}>
      <CodeField autoFocus value={code} onChange={setCode} error={signingIn.errors.code} hint={hint} />
      <button className="button button--primary button--block" type="submit" disabled={signingIn.pending}>
        {signingIn.pending ? t("auth.signInCodeForm.signingIn") : t("auth.signInCodeForm.submit")}
      </button>
    </Form>
  );
}
