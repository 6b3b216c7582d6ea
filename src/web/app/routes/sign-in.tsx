// Sign in: email and password (then the second step when two-step verification is on), or a
// passkey alone, or a sign-in code (its own page); errors in words, and why you are here when
// a sign-out sent you (a passkey only where the browser can use one). While the account's password guesses are throttled, a browser new to
// it finishes with a code sent to the owner. A locked account (only after a correct proof) is
// said as such, with the way to get help.
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Form } from "../../components/form/form";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { PasswordField, TextField } from "../../components/ui/text-field";
import { needsSecondStep, needsSignInCode, signIn, signInWithPasskey, type TwoStepRequiredResponse } from "../../features/auth/api/sign-in";
import { NewDeviceCodeStep } from "../../features/auth/components/new-device-code-step";
import { PublicHeader } from "../../features/auth/components/public-header";
import { SecondStepForm } from "../../features/auth/components/second-step-form";
import { Message, useT } from "../../lib/i18n";
import { passkeysUsable } from "../../lib/passkey-support";
import { keepingReturnTo, RETURN_TO_PARAM, safeReturnPath } from "../../lib/return-to";
import { isSignInReason, signInReasonText } from "../../lib/sign-in-reasons";

export default function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reason = params.get("reason");
  const returnTo = safeReturnPath(params.get(RETURN_TO_PARAM));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [how, setHow] = useState<"password" | "passkey">();
  // Locked: said in its own words below, not as a failed attempt to retry.
  const signingIn = useSubmission({ fallback: t("auth.signIn.failed"), at: { ACCOUNT_LOCKED: null } });
  const [locked, setLocked] = useState(false);
  const [secondStep, setSecondStep] = useState<TwoStepRequiredResponse>();
  const [codeStep, setCodeStep] = useState<{ flowId: string; email: string }>();

  const signedIn = () => navigate(returnTo ?? "/profiles", { replace: true });
  const signInCodePage = keepingReturnTo("/sign-in/code", returnTo);

  async function submit() {
    setHow("password");
    setLocked(false);
    const answered = await signingIn.run(async () => {
      const result = await signIn(email, password);
      if (!needsSecondStep(result) && !needsSignInCode(result)) await signedIn();
      return result;
    });
    if (!answered.ok && answered.code === "ACCOUNT_LOCKED") setLocked(true);
    // Refused, or signed in and gone to the next page.
    if (!answered.ok || !(needsSecondStep(answered.value) || needsSignInCode(answered.value))) return;
    const result = answered.value;
    // The password is no longer needed: don't keep it in memory while the next step runs.
    setPassword("");
    if (needsSignInCode(result)) setCodeStep({ flowId: result.flowId, email: email.trim() });
    else setSecondStep(result);
  }

  async function withPasskey() {
    setHow("passkey");
    setLocked(false);
    const answered = await signingIn.run(async () => {
      await signInWithPasskey();
      await signedIn();
    }, t("auth.signIn.passkeyFailed"));
    if (!answered.ok && answered.code === "ACCOUNT_LOCKED") setLocked(true);
  }

  if (codeStep) {
    return (
      <>
        <PublicHeader show="sign-up" />
        <main id="main" className="page page--narrow">
          <div className="card">
            <NewDeviceCodeStep
              flowId={codeStep.flowId}
              email={codeStep.email}
              signInCodePage={signInCodePage}
              onSignedIn={signedIn}
              onSecondStep={(attempt) => {
                setCodeStep(undefined);
                setSecondStep(attempt);
              }}
              onStartOver={() => setCodeStep(undefined)}
            />
          </div>
        </main>
      </>
    );
  }

  if (secondStep) {
    return (
      <>
        <PublicHeader show="sign-up" />
        <main id="main" className="page page--narrow">
          <div className="card">
            <SecondStepForm attempt={secondStep} onSignedIn={signedIn} onStartOver={() => setSecondStep(undefined)} />
          </div>
        </main>
      </>
    );
  }

  return (
    <>
      <PublicHeader show="sign-up" />
      <main id="main" className="page page--narrow">
        <div className="card">
          <h1>{t("auth.signIn.signIn")}</h1>
          {reason && isSignInReason(reason) && <Alert tone="info">{signInReasonText(reason)}</Alert>}
          <Form submission={signingIn} onSubmit={() => void submit()}>
            {locked && <AccountLocked />}
            <TextField
              label={t("auth.signIn.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <PasswordField
              label={t("auth.signIn.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <button className="button button--primary button--block" type="submit" disabled={signingIn.pending}>
              {signingIn.pending && how === "password" ? t("auth.signIn.signingIn") : t("auth.signIn.signIn")}
            </button>
          </Form>
          <p className="sign-in__forgot">
            <Link to="/forgot-password">{t("auth.signIn.forgotPassword")}</Link>
          </p>
          <div className="sign-in__or" aria-hidden="true">
            {t("auth.signIn.or")}
          </div>
          <div className="sign-in__other">
            <Link className="button button--secondary button--block" to={signInCodePage} state={{ email: email.trim() }}>
              {t("auth.signIn.useSignInCode")}
            </Link>
            {passkeysUsable() && (
              <button
                type="button"
                className="button button--secondary button--block"
                onClick={() => void withPasskey()}
                disabled={signingIn.pending}
              >
                {signingIn.pending && how === "passkey" ? t("auth.signIn.waitingForPasskey") : t("auth.signIn.withPasskey")}
              </button>
            )}
          </div>
          <p className="form-footer">
            <Message id="auth.signIn.newToUsher" components={{ 0: <Link to="/sign-up" /> }} />
          </p>
        </div>
      </main>
    </>
  );
}

/** Said only after a correct proof (the API tells no one else), so it can say what to do. */
function AccountLocked() {
  const t = useT();
  return (
    <Alert tone="error">
      <strong>{t("auth.signIn.lockedTitle")}</strong>
      <br />
      {t("auth.signIn.lockedText")}
    </Alert>
  );
}
