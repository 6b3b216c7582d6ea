// "Use a sign-in code", second step: where the code went (said alike whether or not an
// account uses the address), the code, Sign In, and a new code, which is a new request: the
// code is sent back with the newest request's flowId.
import { useEffect, useRef, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
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
  const [flowId, setFlowId] = useState(firstFlowId);
  const [notice, setNotice] = useState<string>();
  const resend = useSubmission({ fallback: "A new code couldn't be sent. Please try again." });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const byEmail = "email" in address;

  async function sendNewCode() {
    setNotice(undefined);
    const sent = await resend.run(() => requestSignInCode(address));
    if (!sent.ok) return;
    setFlowId(sent.value.flowId);
    setNotice(
      byEmail
        ? "We've sent a new code. Use the one in the newest email."
        : "We've sent a new code. Use the one in the newest text message.",
    );
  }

  return (
    <div className="second-step">
      <h1 ref={heading} tabIndex={-1}>
        {byEmail ? "Check your email" : "Check your phone"}
      </h1>
      <p className="second-step__lead">
        If an account uses <strong className={byEmail ? "break-anywhere" : "verify__number"}>{shownAs}</strong>, we've{" "}
        {byEmail ? "sent" : "texted"} it a 6-digit code. It expires in 10 minutes.
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {resend.errors.form && <Alert tone="error">{resend.errors.form}</Alert>}
      {/* A new flow starts with an empty field. */}
      <SignInCodeForm
        key={flowId}
        flowId={flowId}
        hint={byEmail ? EMAIL_HINT : TEXT_HINT}
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
          {resend.pending ? "Sending…" : "Send a new code"}
        </button>
        <button type="button" className="button button--link" onClick={onChangeAddress}>
          Use a different email or phone
        </button>
      </div>
    </div>
  );
}
