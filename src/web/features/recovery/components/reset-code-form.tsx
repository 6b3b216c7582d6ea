// Forgot password by text message, second step: the 6-digit code, the new password twice.
// Every failing code gets the same answer from the API (wrong, expired, used, unknown
// address), so the page can only say that and offer a new code. A new code is a new request,
// a flow of its own: the code is sent back with the newest request's flowId.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { checkNewPassword, NEW_PASSWORD_REFUSALS, NewPasswordFields } from "../../../components/form/new-password-fields";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { CodeField, SIX_DIGITS } from "../../../components/ui/code-field";
import { Message, useT } from "../../../lib/i18n";
import { completePasswordReset, requestPasswordReset } from "../api/password-reset";

interface ResetCodeFormProps {
  email: string;
  /** The request that texted the code. */
  flowId: string;
  onSignedIn(): unknown;
  onStartOver(): void;
}

export function ResetCodeForm({ email, flowId: firstFlowId, onSignedIn, onStartOver }: ResetCodeFormProps) {
  const t = useT();
  const [flowId, setFlowId] = useState(firstFlowId);
  const [code, setCode] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [notice, setNotice] = useState<string>();
  const save = useSubmission<"code" | "next" | "confirm">({
    fallback: t("auth.resetCode.failed"),
    at: { RESET_CODE_INVALID: "code", ...NEW_PASSWORD_REFUSALS },
  });
  const resend = useSubmission({ fallback: t("auth.resetCode.resendFailed") });
  const busy = save.pending || resend.pending;

  function submit() {
    setNotice(undefined);
    resend.reset();
    const found = {
      code: SIX_DIGITS.test(code) ? undefined : t("auth.resetCode.enterCode"),
      ...checkNewPassword(next, confirm),
    };
    if (save.invalid(found)) return;
    void save.run(async () => {
      await completePasswordReset({ flowId, code }, next);
      await onSignedIn();
    });
  }

  async function sendNewCode() {
    save.reset();
    setNotice(undefined);
    const sent = await resend.run(() => requestPasswordReset(email, "sms"));
    if (!sent.ok) return;
    setFlowId(sent.value.flowId);
    setCode("");
    setNotice(t("auth.resetCode.resent"));
    save.form.current?.querySelector<HTMLInputElement>('[name="code"]')?.focus();
  }

  return (
    <Form submission={save} onSubmit={submit}>
      {notice && <Alert tone="success">{notice}</Alert>}
      {resend.errors.form && <Alert tone="error">{resend.errors.form}</Alert>}
      <CodeField autoFocus value={code} onChange={setCode} error={save.errors.code} />
      <NewPasswordFields
        next={next}
        confirm={confirm}
        errors={save.errors}
        hints={[email, email.split("@")[0] ?? ""]}
        onNext={setNext}
        onConfirm={setConfirm}
      />
      <button className="button button--primary button--block" type="submit" disabled={busy}>
        {save.pending ? t("auth.resetCode.saving") : t("auth.resetCode.save")}
      </button>
      <p className="form-footer">
        <Message
          id="auth.resetCode.noText"
          values={{ sending: resend.pending ? "yes" : "no" }}
          components={{
            0: <button type="button" className="button button--link" onClick={() => void sendNewCode()} disabled={busy} />,
            1: <button type="button" className="button button--link" onClick={onStartOver} disabled={busy} />,
          }}
        />
      </p>
    </Form>
  );
}
