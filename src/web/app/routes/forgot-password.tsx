// Forgot password?: the email address and how to get back in (a link by email, or a code by
// text message to the verified phone). The answer is the same whether or not an account
// exists, so this page never tells anyone which addresses have accounts. After a texted code,
// the same page takes the code and the new password, sent with the request's flowId.
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Form } from "../../components/form/form";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { TextField } from "../../components/ui/text-field";
import { PublicHeader } from "../../features/auth/components/public-header";
import { toProfilesAfterReset } from "../../features/recovery/after-reset";
import { type ResetMethod, requestPasswordReset } from "../../features/recovery/api/password-reset";
import { ResetCodeForm } from "../../features/recovery/components/reset-code-form";
import { Message, type MessageId, useT } from "../../lib/i18n";

const methods: { value: ResetMethod; label: MessageId; hint: MessageId }[] = [
  { value: "email", label: "auth.forgotPassword.byEmail", hint: "auth.forgotPassword.byEmailHint" },
  { value: "sms", label: "auth.forgotPassword.byText", hint: "auth.forgotPassword.byTextHint" },
];

export default function ForgotPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [method, setMethod] = useState<ResetMethod>("email");
  const send = useSubmission<"email">({ fallback: t("auth.forgotPassword.failed") });
  const [sent, setSent] = useState<{ email: string; method: ResetMethod; flowId: string }>();

  async function submit() {
    if (send.invalid({ email: email.trim() ? undefined : t("auth.forgotPassword.enterEmail") })) return;
    const requested = await send.run(() => requestPasswordReset(email.trim(), method));
    if (requested.ok) setSent({ email: email.trim(), method, flowId: requested.value.flowId });
  }

  return (
    <>
      <PublicHeader show="sign-in" />
      <main id="main" className="page page--narrow">
        <div className="card">
          {!sent && (
            <>
              <h1>{t("auth.forgotPassword.title")}</h1>
              <p className="sign-up__lead">{t("auth.forgotPassword.lead")}</p>
              <Form submission={send} onSubmit={() => void submit()}>
                <TextField
                  label={t("auth.forgotPassword.email")}
                  type="email"
                  autoComplete="username"
                  required
                  maxLength={320}
                  value={email}
                  error={send.errors.email}
                  onChange={(event) => setEmail(event.target.value)}
                />
                <fieldset className="choices">
                  <legend>{t("auth.forgotPassword.how")}</legend>
                  {methods.map((choice) => (
                    <label key={choice.value} className="choice">
                      <input
                        type="radio"
                        name="method"
                        value={choice.value}
                        checked={method === choice.value}
                        onChange={() => setMethod(choice.value)}
                      />
                      <span>
                        <span className="choice__label">{t(choice.label)}</span>
                        <span className="choice__hint">{t(choice.hint)}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                <button className="button button--primary button--block" type="submit" disabled={send.pending}>
                  {t(
                    send.pending
                      ? "auth.forgotPassword.sending"
                      : method === "email"
                        ? "auth.forgotPassword.sendLink"
                        : "auth.forgotPassword.sendCode",
                  )}
                </button>
              </Form>
              <p className="form-footer">
                <Message id="auth.forgotPassword.remembered" components={{ 0: <Link to="/sign-in" /> }} />
              </p>
            </>
          )}
          {sent?.method === "email" && (
            <>
              <h1>{t("auth.forgotPassword.checkEmail")}</h1>
              <Alert tone="success">
                <Message
                  id="auth.forgotPassword.emailSent"
                  values={{ email: sent.email }}
                  components={{ 0: <strong className="break-anywhere" /> }}
                />
              </Alert>
              <p className="form-footer">
                <Message
                  id="auth.forgotPassword.nothingArrived"
                  components={{ 0: <button type="button" className="button button--link" onClick={() => setSent(undefined)} /> }}
                />
              </p>
            </>
          )}
          {sent?.method === "sms" && (
            <>
              <h1>{t("auth.forgotPassword.enterCode")}</h1>
              <Alert tone="success">
                <Message
                  id="auth.forgotPassword.textSent"
                  values={{ email: sent.email }}
                  components={{ 0: <strong className="break-anywhere" /> }}
                />
              </Alert>
              <ResetCodeForm
                email={sent.email}
                flowId={sent.flowId}
                onSignedIn={() => toProfilesAfterReset(navigate)}
                onStartOver={() => setSent(undefined)}
              />
            </>
          )}
        </div>
      </main>
    </>
  );
}
