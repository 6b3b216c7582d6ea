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

const methods: { value: ResetMethod; label: string; hint: string }[] = [
  { value: "email", label: "Email me a link", hint: "The link works for 1 hour." },
  { value: "sms", label: "Text a code to my phone", hint: "To the verified phone number on your account. The code works for 10 minutes." },
];

export default function ForgotPasswordPage() {
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [method, setMethod] = useState<ResetMethod>("email");
  const send = useSubmission<"email">({ fallback: "Your request couldn't be sent. Please try again." });
  const [sent, setSent] = useState<{ email: string; method: ResetMethod; flowId: string }>();

  async function submit() {
    if (send.invalid({ email: email.trim() ? undefined : "Enter the email address of your account." })) return;
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
              <h1>Forgot password?</h1>
              <p className="sign-up__lead">Enter the email address of your Usher account and choose how to set a new password.</p>
              <Form submission={send} onSubmit={() => void submit()}>
                <TextField
                  label="Email"
                  type="email"
                  autoComplete="username"
                  required
                  maxLength={320}
                  value={email}
                  error={send.errors.email}
                  onChange={(event) => setEmail(event.target.value)}
                />
                <fieldset className="choices">
                  <legend>How should we help you reset it?</legend>
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
                        <span className="choice__label">{choice.label}</span>
                        <span className="choice__hint">{choice.hint}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                <button className="button button--primary button--block" type="submit" disabled={send.pending}>
                  {send.pending ? "Sending…" : method === "email" ? "Send link" : "Send code"}
                </button>
              </Form>
              <p className="form-footer">
                Remembered it? <Link to="/sign-in">Sign in</Link>.
              </p>
            </>
          )}
          {sent?.method === "email" && (
            <>
              <h1>Check your email</h1>
              <Alert tone="success">
                If an account exists for <strong className="break-anywhere">{sent.email}</strong>, we've emailed it a link to set a new
                password. The link works for 1 hour.
              </Alert>
              <p className="form-footer">
                Nothing arrived? Check your spam folder, or{" "}
                <button type="button" className="button button--link" onClick={() => setSent(undefined)}>
                  try again
                </button>
                .
              </p>
            </>
          )}
          {sent?.method === "sms" && (
            <>
              <h1>Enter the code</h1>
              <Alert tone="success">
                If an account exists for <strong className="break-anywhere">{sent.email}</strong> with a verified phone number, we've texted
                it a 6-digit code.
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
