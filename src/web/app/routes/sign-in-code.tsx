// Use a sign-in code: no password, a 6-digit code to the account's email or by text to its
// verified phone. The answer is the same whether or not an account uses the address, so this
// page never tells anyone which addresses have accounts. Then the code (and the second step
// when two-step verification is on), and on as after a password sign-in.
import { useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { TextField } from "../../components/ui/text-field";
import { requestSignInCode, type SignInCodeAddress } from "../../features/auth/api/sign-in-code";
import type { TwoStepRequiredResponse } from "../../features/auth/api/sign-in";
import { PublicHeader } from "../../features/auth/components/public-header";
import { SecondStepForm } from "../../features/auth/components/second-step-form";
import { SignInCodeSent } from "../../features/auth/components/sign-in-code-sent";
import { PhoneNumberField } from "../../features/phone/components/phone-number-field";
import { guessCountry } from "../../features/phone/phone-format";
import { ApiError, failureMessage } from "../../lib/api-client";
import { keepingReturnTo, RETURN_TO_PARAM, safeReturnPath } from "../../lib/return-to";

type Channel = "email" | "sms";
type Errors = Partial<Record<"email" | "phone" | "form", string>>;

const channels: { value: Channel; label: string; hint: string }[] = [
  { value: "email", label: "Email me a code", hint: "To the email address of your Usher account." },
  { value: "sms", label: "Text a code to my phone", hint: "To the verified phone number on your account." },
];

const PHONE_CODES = new Set(["INVALID_PHONE", "PHONE_NOT_MOBILE"]);

export default function SignInCodePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_TO_PARAM));
  // The email typed on the Sign In page, when it led here.
  const typed = (useLocation().state as { email?: unknown } | null)?.email;
  const [channel, setChannel] = useState<Channel>("email");
  const [email, setEmail] = useState(typeof typed === "string" ? typed : "");
  const [number, setNumber] = useState(() => ({ country: guessCountry(), value: "" }));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ address: SignInCodeAddress; shownAs: string; flowId: string }>();
  const [secondStep, setSecondStep] = useState<TwoStepRequiredResponse>();
  const form = useRef<HTMLFormElement>(null);

  const signedIn = () => navigate(returnTo ?? "/profiles", { replace: true });
  const startOver = () => {
    setSecondStep(undefined);
    setSent(undefined);
  };

  function show(found: Errors) {
    setErrors(found);
    const field = found.email ? "email" : found.phone ? "phone" : undefined;
    if (field) form.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address: SignInCodeAddress = channel === "email" ? { email: email.trim() } : { phone: number.value, country: number.country };
    if (channel === "email" && !email.trim()) return show({ email: "Enter the email address of your account." });
    if (channel === "sms" && !/\d/.test(number.value)) return show({ phone: "Enter your mobile phone number." });
    setErrors({});
    setBusy(true);
    try {
      const { flowId } = await requestSignInCode(address);
      setSent({ address, shownAs: channel === "email" ? email.trim() : number.value, flowId });
    } catch (failure) {
      const message = failureMessage(failure, "Your code couldn't be sent. Please try again.");
      const code = failure instanceof ApiError ? failure.code : undefined;
      if (code === "INVALID_EMAIL") show({ email: message });
      else if (code && PHONE_CODES.has(code)) show({ phone: message });
      else show({ form: message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PublicHeader show="sign-up" />
      <main id="main" className="page page--narrow">
        <div className="card">
          {secondStep ? (
            <SecondStepForm attempt={secondStep} onSignedIn={signedIn} onStartOver={startOver} />
          ) : sent ? (
            <SignInCodeSent {...sent} onSignedIn={signedIn} onSecondStep={setSecondStep} onChangeAddress={startOver} />
          ) : (
            <>
              <h1>Use a sign-in code</h1>
              <p className="sign-up__lead">No password needed: we'll send you a 6-digit code to sign in with.</p>
              <form ref={form} className="form" onSubmit={submit} noValidate>
                {errors.form && <Alert tone="error">{errors.form}</Alert>}
                <fieldset className="choices">
                  <legend>Where should we send it?</legend>
                  {channels.map((choice) => (
                    <label key={choice.value} className="choice">
                      <input type="radio" name="channel" value={choice.value} checked={channel === choice.value} onChange={() => setChannel(choice.value)} />
                      <span>
                        <span className="choice__label">{choice.label}</span>
                        <span className="choice__hint">{choice.hint}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                {channel === "email" ? (
                  <TextField
                    label="Email"
                    name="email"
                    type="email"
                    autoComplete="username"
                    required
                    maxLength={320}
                    value={email}
                    error={errors.email}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                ) : (
                  <PhoneNumberField
                    country={number.country}
                    value={number.value}
                    error={errors.phone}
                    hint="The mobile number you verified on your Usher account."
                    onChange={setNumber}
                  />
                )}
                <button className="button button--primary button--block" type="submit" disabled={busy}>
                  {busy ? "Sending…" : "Send code"}
                </button>
              </form>
              <p className="form-footer">
                Know your password? <Link to={keepingReturnTo("/sign-in", returnTo)}>Sign in with it</Link>.
              </p>
            </>
          )}
        </div>
      </main>
    </>
  );
}
