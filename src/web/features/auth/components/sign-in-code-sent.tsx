// "Use a sign-in code", second step: where the code went (said alike whether or not an
// account uses the address), the code, Sign In, and a new code, which is a new request: the
// code is sent back with the newest request's flowId.
import { useEffect, useRef, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { Message, useT } from "../../../lib/i18n";
import type { TwoStepRequiredResponse } from "../api/sign-in";
import { requestSignInCode, type SignInCodeAddress } from "../api/sign-in-code";
import { EMAIL_HINT, SignInCodeForm, TEXT_HINT } from "./sign-in-code-form";

interface SignInCodeSentProps {
  address: SignInCodeAddress;
  /** The address as the person typed it. */
  shownAs: string;
  flowId: string;
  onSignedIn(): unknown;
  onSecondStep(attempt: TwoStepRequiredResponse): void;
  onChangeAddress(): void;
}

export function SignInCodeSent({ address, shownAs, flowId: firstFlowId, onSignedIn, onSecondStep, onChangeAddress }: SignInCodeSentProps) {
  const t = useT();
  const [flowId, setFlowId] = useState(firstFlowId);
  const [notice, setNotice] = useState<string>();
  const resend = useSubmission({ fallback: t("auth.signInCodeSent.resendFailed") });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const byEmail = "email" in address;

  async function sendNewCode() {
    setNotice(undefined);
    const sent = await resend.run(() => requestSignInCode(address));
    if (!sent.ok) return;
    setFlowId(sent.value.flowId);
    setNotice(t(byEmail ? "auth.signInCodeSent.resentEmail" : "auth.signInCodeSent.resentText"));
  }

  return (
    <div className="second-step">
      <h1 ref={heading} tabIndex={-1}>
        {t(byEmail ? "auth.signInCodeSent.titleEmail" : "auth.signInCodeSent.titlePhone")}
      </h1>
      <p className="second-step__lead">
        <Message
          id={byEmail ? "auth.signInCodeSent.leadEmail" : "auth.signInCodeSent.leadText"}
          values={{ address: shownAs }}
          components={{ 0: <strong className={byEmail ? "break-anywhere" : "verify__number"} /> }}
        />
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {resend.errors.form && <Alert tone="error">{resend.errors.form}</Alert>}
      {/* A new flow starts with an empty field. */}
      <SignInCodeForm
        key={flowId}
        flowId={flowId}
        hint={t(byEmail ? EMAIL_HINT : TEXT_HINT)}
        onSignedIn={onSignedIn}
        onSecondStep={onSecondStep}
      />
      <div className="second-step__other">
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void sendNewCode()}
          disabled={resend.pending}
        >
          {resend.pending ? t("auth.signInCodeSent.sending") : t("auth.signInCodeSent.sendNewCode")}
        </button>
        <button type="button" className="button button--link" onClick={onChangeAddress}>
          {t("auth.signInCodeSent.changeAddress")}
        </button>
      </div>
    </div>
  );
}
