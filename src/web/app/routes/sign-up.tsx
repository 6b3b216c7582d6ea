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

type Field = "email" | "password" | "profileName";

export default function SignUpPage() {
  const navigate = useNavigate();
  const meterId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [profileName, setProfileName] = useState("");
  const [emailTaken, setEmailTaken] = useState(false);
  const signingUp = useSubmission<Field>({
    fallback: "Signing up failed. Please try again.",
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
    const found = { email: email.trim() ? undefined : "Enter your email address.", password: password ? undefined : "Choose a password." };
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
          <h1>Sign Up</h1>
          <p className="sign-up__lead">Create your household's Usher account. You'll choose who's watching next.</p>
          <Form submission={signingUp} onSubmit={() => void submit()}>
            {emailTaken && (
              <Alert tone="error">
                An account with this email already exists. <Link to="/sign-in">Sign in instead</Link>.
              </Alert>
            )}
            <TextField
              label="Email"
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
                label="Password"
                autoComplete="new-password"
                required
                maxLength={1024}
                value={password}
                error={signingUp.errors.password}
                hint="Use 8 to 128 characters. The most common passwords aren't accepted; a few unrelated words make a strong one."
                onChange={(event) => edit("password", event.target.value, setPassword)}
              />
              <PasswordStrengthMeter id={meterId} password={password} hints={hints} />
            </div>
            <TextField
              label="Profile name (optional)"
              autoComplete="nickname"
              maxLength={50}
              value={profileName}
              error={signingUp.errors.profileName}
              hint="The first profile on this account. You can add up to 4 more later."
              onChange={(event) => edit("profileName", event.target.value, setProfileName)}
            />
            <button className="button button--primary button--block" type="submit" disabled={signingUp.pending}>
              {signingUp.pending ? "Creating your account…" : "Sign Up"}
            </button>
          </Form>
          <p className="form-footer">
            Already have an account? <Link to="/sign-in">Sign in</Link>.
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
