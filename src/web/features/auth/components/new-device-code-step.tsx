// A browser new to the account signs in while strangers' password guesses at it are being
// throttled: the API answers alike for a right and a wrong password, and sends a code to the
// owner only for the right one. So the page can't say which it was, only where a code went if
// it was right; "Use a sign-in code" is the way on for someone unsure of the password.
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { Message, useT } from "../../../lib/i18n";
import type { TwoStepRequiredResponse } from "../api/sign-in";
import { EMAIL_HINT, SignInCodeForm } from "./sign-in-code-form";

interface NewDeviceCodeStepProps {
  flowId: string;
  email: string;
  /** Where "Use a sign-in code instead" leads (keeping the way back after signing in). */
  signInCodePage: string;
  onSignedIn(): unknown;
  onSecondStep(attempt: TwoStepRequiredResponse): void;
  onStartOver(): void;
}

export function NewDeviceCodeStep({ flowId, email, signInCodePage, onSignedIn, onSecondStep, onStartOver }: NewDeviceCodeStepProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="second-step">
      <h1 ref={heading} tabIndex={-1}>
        {t("auth.newDeviceCode.title")}
      </h1>
      <p className="second-step__lead">
        <Message id="auth.newDeviceCode.lead" values={{ email }} components={{ 0: <strong className="break-anywhere" /> }} />
      </p>
      <SignInCodeForm flowId={flowId} hint={t(EMAIL_HINT)} onSignedIn={onSignedIn} onSecondStep={onSecondStep} />
      <div className="second-step__other">
        <Link className="button button--link" to={signInCodePage} state={{ email }}>
          {t("auth.newDeviceCode.useSignInCode")}
        </Link>
        <button type="button" className="button button--link" onClick={onStartOver}>
          {t("auth.newDeviceCode.startOver")}
        </button>
      </div>
    </div>
  );
}
