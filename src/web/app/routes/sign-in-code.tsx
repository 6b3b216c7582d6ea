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
import { Message, type MessageId, useT } from "../../lib/i18n";
import { keepingReturnTo, RETURN_TO_PARAM, safeReturnPath } from "../../lib/return-to";

type Channel = "email" | "sms";

const channels: { value: Channel; label: MessageId; hint: MessageId }[] = [
  { value: "email", label: "auth.signInCode.byEmail", hint: "auth.signInCode.byEmailHint" },
  { value: "sms", label: "auth.signInCode.byText", hint: "auth.signInCode.byTextHint" },
];

export default function SignInCodePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_TO_PARAM));
  // The email typed on the Sign In page, when it led here.
  const typed = (useLocation().state as { email?: unknown } | null)?.email;
  const [channel, setChannel] = useState<Channel>("email");
  const [email, setEmail] = useState(typeof typed === "string" ? typed : "");
  const [number, setNumber] = useState(() => ({ country: guessCountry(), value: "" }));
  const send = useSubmission<"email" | "phone">({
    fallback: t("auth.signInCode.failed"),
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
        ? { email: email.trim() ? undefined : t("auth.signInCode.enterEmail") }
        : { phone: /\d/.test(number.value) ? undefined : t("auth.signInCode.enterPhone") };
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
              <h1>{t("auth.signInCode.title")}</h1>
              <p className="sign-up__lead">{t("auth.signInCode.lead")}</p>
              <Form submission={send} onSubmit={() => void submit()}>
                <fieldset className="choices">
                  <legend>{t("auth.signInCode.where")}</legend>
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
                        <span className="choice__label">{t(choice.label)}</span>
                        <span className="choice__hint">{t(choice.hint)}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                {channel === "email" ? (
                  <TextField
                    label={t("auth.signInCode.email")}
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
                    hint={t("auth.signInCode.phoneHint")}
                    onChange={setNumber}
                  />
                )}
                <button className="button button--primary button--block" type="submit" disabled={send.pending}>
                  {send.pending ? t("auth.signInCode.sending") : t("auth.signInCode.send")}
                </button>
              </Form>
              <p className="form-footer">
                <Message id="auth.signInCode.knowPassword" components={{ 0: <Link to={keepingReturnTo("/sign-in", returnTo)} /> }} />
              </p>
            </>
          )}
        </div>
      </main>
    </>
  );
}
