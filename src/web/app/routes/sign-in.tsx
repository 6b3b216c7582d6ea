// Sign in: email and password, errors in words, and why you are here when a sign-out sent you.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { PasswordField, TextField } from "../../components/ui/text-field";
import { signIn } from "../../features/auth/api/sign-in";
import { PublicHeader } from "../../features/auth/components/public-header";
import { ApiError } from "../../lib/api-client";
import { RETURN_TO_PARAM, safeReturnPath } from "../../lib/return-to";
import { signInReasons, type SignInReason } from "../../lib/sign-in-reasons";

export default function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reason = params.get("reason") as SignInReason | null;
  const returnTo = safeReturnPath(params.get(RETURN_TO_PARAM));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
      navigate(returnTo ?? "/profiles", { replace: true });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Signing in failed. Please try again.");
      setBusy(false);
    }
  }

  return (
    <>
      <PublicHeader show="sign-up" />
      <main id="main" className="page page--narrow">
        <div className="card">
          <h1>Sign In</h1>
          {reason && reason in signInReasons && <Alert tone="info">{signInReasons[reason]}</Alert>}
          <form className="form" onSubmit={submit} noValidate>
            {error && <Alert tone="error">{error}</Alert>}
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <PasswordField
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <button className="button button--primary button--block" type="submit" disabled={busy}>
              {busy ? "Signing in…" : "Sign In"}
            </button>
          </form>
          <p className="sign-in__forgot">
            <Link to="/forgot-password">Forgot password?</Link>
          </p>
          <p className="form-footer">
            New to Usher? <Link to="/sign-up">Sign up now</Link>.
          </p>
        </div>
      </main>
    </>
  );
}
