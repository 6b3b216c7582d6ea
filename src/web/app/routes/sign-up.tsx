// Sign up: email, password with a strength meter, an optional first profile name; then
// "Who's watching?". The API's rules are stated up front and its refusals shown in words.
import { useId, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { PasswordField, TextField } from "../../components/ui/text-field";
import { signUp } from "../../features/auth/api/sign-in";
import { PasswordStrengthMeter } from "../../features/auth/components/password-strength-meter";
import { PublicHeader } from "../../features/auth/components/public-header";
import { ApiError } from "../../lib/api-client";

type Field = "email" | "password" | "profileName";
type Problems = Partial<Record<Field | "form", string>>;

const fieldOfCode: Partial<Record<string, Field>> = {
  INVALID_EMAIL: "email",
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_TOO_COMMON: "password",
};

export default function SignUpPage() {
  const navigate = useNavigate();
  const meterId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [profileName, setProfileName] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [emailTaken, setEmailTaken] = useState(false);
  const [busy, setBusy] = useState(false);

  /** Editing a field clears what was said about it. */
  function edit(field: Field, value: string, set: (value: string) => void) {
    set(value);
    if (problems[field]) setProblems(({ [field]: _, ...rest }) => rest);
    if (field === "email") setEmailTaken(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Problems = {};
    if (!email.trim()) missing.email = "Enter your email address.";
    if (!password) missing.password = "Choose a password.";
    setProblems(missing);
    setEmailTaken(false);
    if (Object.keys(missing).length > 0) return;

    setBusy(true);
    try {
      await signUp(email.trim(), password, profileName.trim() || undefined);
      navigate("/profiles", { replace: true });
    } catch (failure) {
      setBusy(false);
      if (!(failure instanceof ApiError)) return setProblems({ form: "Signing up failed. Please try again." });
      if (failure.code === "EMAIL_TAKEN") return setEmailTaken(true);
      const field = fieldOfCode[failure.code] ?? fieldOfIssues(failure);
      setProblems(field ? { [field]: failure.message } : { form: failure.message });
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
          <form className="form" onSubmit={submit} noValidate>
            {problems.form && <Alert tone="error">{problems.form}</Alert>}
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
              error={problems.email}
              onChange={(event) => edit("email", event.target.value, setEmail)}
            />
            <div className="sign-up__password">
              <PasswordField
                label="Password"
                autoComplete="new-password"
                required
                maxLength={1024}
                value={password}
                error={problems.password}
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
              error={problems.profileName}
              hint="The first profile on this account. You can add up to 4 more later."
              onChange={(event) => edit("profileName", event.target.value, setProfileName)}
            />
            <button className="button button--primary button--block" type="submit" disabled={busy}>
              {busy ? "Creating your account…" : "Sign Up"}
            </button>
          </form>
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
