// Use a sign-in code: no password, a 6-digit code to the account's email or by text to its
// verified phone. The answer is the same whether or not an account uses the address, so this
// page never tells anyone which addresses have accounts. Then the code (and the second step
// when two-step verification is on), and on as after a password sign-in.
import { useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { Form } from "../../components/form/form";
import { useSubmission } from "../../components/form/use-submission";
import { TextField } from "../../components/ui/text-field";
import type { TwoStepRequiredResponse } from "../../features/auth/api/sign-in";
import { requestSignInCode, type SignInCodeAddress } from "../../features/auth/api/sign-in-code";
import { PublicHeader } from "../../features/auth/components/public-header";
import { SecondStepForm } from "../../features/auth/components/second-step-form";
import { SignInCodeSent } from "../../features/auth/components/sign-in-code-sent";
import { PhoneNumberField } from "../../features/phone/components/phone-number-field";
import { guessCountry } from "../../features/phone/phone-format";
import { keepingReturnTo, RETURN_TO_PARAM, safeReturnPath } from "../../lib/return-to";

type Channel = "email" | "sms";

const channels: { value: Channel; label: string; hint: string }[] = [
  { value: "email", label: "Email me a code", hint: "To the email address of your Usher account." },
  { value: "sms", label: "Text a code to my phone", hint: "To the verified phone number on your account." },
];

export default function SignInCodePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_TO_PARAM));
  // The email typed on the Sign In page, when it led here.
  const typed = (useLocation().state as { email?: unknown } | null)?.email;
  const [channel, setChannel] = useState<Channel>("email");
  const [email, setEmail] = useState(typeof typed === "string" ? typed : "");
  const [number, setNumber] = useState(() => ({ country: guessCountry(), value: "" }));
  const send = useSubmission<"email" | "phone">({
    fallback: "Your code couldn't be sent. Please try again.",
    at: { INVALID_EMAIL: "email", INVALID_PHONE: "phone", PHONE_NOT_MOBILE: "phone" },
  });
  const [sent, setSent] = useState<{ address: SignInCodeAddress; shownAs: string; flowId: string }>();
  const [secondStep, setSecondStep] = useState<TwoStepRequiredResponse>();

  const signedIn = () => navigate(returnTo ?? "/profiles", { replace: true });
  const startOver = () => {
    setSecondStep(undefined);
    setSent(undefined);
  };

  async function submit() {
    const address: SignInCodeAddress = channel === "email" ? { email: email.trim() } : { phone: number.value, country: number.country };
    const missing =
      channel === "email"
        ? { email: email.trim() ? undefined : "Enter the email address of your account." }
        : { phone: /\d/.test(number.value) ? undefined : "Enter your mobile phone number." };
    if (send.invalid(missing)) return;
    const requested = await send.run(() => requestSignInCode(address));
    if (requested.ok) setSent({ address, shownAs: channel === "email" ? email.trim() : number.value, flowId: requested.value.flowId });
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
              <Form submission={send} onSubmit={() => void submit()}>
                <fieldset className="choices">
                  <legend>Where should we send it?</legend>
                  {channels.map((choice) => (
                    <label key={choice.value} className="choice">
                      <input
                        type="radio"
                        name="channel"
                        value={choice.value}
                        checked={channel === choice.value}
                        onChange={() => setChannel(choice.value)}
                      />
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
                    error={send.errors.email}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                ) : (
                  <PhoneNumberField
                    country={number.country}
                    value={number.value}
                    error={send.errors.phone}
                    hint="The mobile number you verified on your Usher account."
                    onChange={setNumber}
                  />
                )}
                <button className="button button--primary button--block" type="submit" disabled={send.pending}>
                  {send.pending ? "Sending…" : "Send code"}
                </button>
              </Form>
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
