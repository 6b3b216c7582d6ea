// Sign up: email, password with a strength meter, an optional first profile name; then
// "Who's watching?". The API's rules are stated up front and its refusals shown in words.
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Form } from "../../components/form/form";
import { PasswordStrengthMeter } from "../../components/form/password-strength-meter";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { PasswordField, TextField } from "../../components/ui/text-field";
import { signUp } from "../../features/auth/api/sign-in";
import { PublicHeader } from "../../features/auth/components/public-header";
import type { ApiError } from "../../lib/api-client";
import { Message, useT } from "../../lib/i18n";

type Field = "email" | "password" | "profileName";

export default function SignUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const meterId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [profileName, setProfileName] = useState("");
  const [emailTaken, setEmailTaken] = useState(false);
  const signingUp = useSubmission<Field>({
    fallback: t("auth.signUp.failed"),
    // Taken: said with the way to sign in. Not valid: the answer names the field.
    at: {
      INVALID_EMAIL: "email",
      PASSWORD_TOO_SHORT: "password",
      PASSWORD_TOO_LONG: "password",
      PASSWORD_TOO_COMMON: "password",
      EMAIL_TAKEN: null,
      VALIDATION_FAILED: null,
    },
  });

  /** Editing a field clears what was said about it. */
  function edit(field: Field, value: string, set: (value: string) => void) {
    set(value);
    signingUp.forget(field);
    if (field === "email") setEmailTaken(false);
  }

  async function submit() {
    setEmailTaken(false);
    const found = {
      email: email.trim() ? undefined : t("auth.signUp.enterEmail"),
      password: password ? undefined : t("auth.signUp.choosePassword"),
    };
    if (signingUp.invalid(found)) return;
    const signedUp = await signingUp.run(async () => {
      await signUp(email.trim(), password, profileName.trim() || undefined);
      await navigate("/profiles", { replace: true });
    });
    if (signedUp.ok) return;
    if (signedUp.code === "EMAIL_TAKEN") setEmailTaken(true);
    if (signedUp.code === "VALIDATION_FAILED") {
      const field = fieldOfIssues(signedUp.failure as ApiError);
      signingUp.invalid(field ? { [field]: signedUp.message } : { form: signedUp.message });
    }
  }

  const hints = [email, email.split("@")[0] ?? "", profileName];

  return (
    <>
      <PublicHeader show="sign-in" />
      <main id="main" className="page page--narrow">
        <div className="card">
          <h1>{t("auth.signUp.signUp")}</h1>
          <p className="sign-up__lead">{t("auth.signUp.lead")}</p>
          <Form submission={signingUp} onSubmit={() => void submit()}>
            {emailTaken && (
              <Alert tone="error">
                <Message id="auth.signUp.emailTaken" components={{ 0: <Link to="/sign-in" /> }} />
              </Alert>
            )}
            <TextField
              label={t("auth.signUp.email")}
              type="email"
              autoComplete="email"
              required
              maxLength={320}
              value={email}
              error={signingUp.errors.email}
              onChange={(event) => edit("email", event.target.value, setEmail)}
            />
            <div className="sign-up__password">
              <PasswordField
                label={t("auth.signUp.password")}
                autoComplete="new-password"
                required
                maxLength={1024}
                value={password}
                error={signingUp.errors.password}
                hint={t("auth.signUp.passwordHint")}
                onChange={(event) => edit("password", event.target.value, setPassword)}
              />
              <PasswordStrengthMeter id={meterId} password={password} hints={hints} />
            </div>
            <TextField
              label={t("auth.signUp.profileName")}
              autoComplete="nickname"
              maxLength={50}
              value={profileName}
              error={signingUp.errors.profileName}
              hint={t("auth.signUp.profileNameHint")}
              onChange={(event) => edit("profileName", event.target.value, setProfileName)}
            />
            <button className="button button--primary button--block" type="submit" disabled={signingUp.pending}>
              {signingUp.pending ? t("auth.signUp.creating") : t("auth.signUp.signUp")}
            </button>
          </Form>
          <p className="form-footer">
            <Message id="auth.signUp.haveAccount" components={{ 0: <Link to="/sign-in" /> }} />
          </p>
        </div>
      </main>
    </>
  );
}

/** A VALIDATION_FAILED answer names the fields it refused. */
function fieldOfIssues(failure: ApiError): Field | undefined {
  const path = failure.issues[0]?.path ?? "";
  return (["email", "password", "profileName"] as const).find((field) => path.includes(field));
}
