// The second step of signing in with two-step verification: a 6-digit code from the
// authenticator app, a backup code, or a passkey, as the account allows (`methods`).
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { TextField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { passkeysUnavailable } from "../../../lib/passkey-support";
import { completeSecondStep, completeWithPasskey, type TwoStepRequiredResponse } from "../api/sign-in";

/** These end the attempt: only signing in again helps. */
const ATTEMPT_OVER = new Set(["TWO_STEP_CHALLENGE_INVALID", "TWO_STEP_CHALLENGE_EXPIRED", "TWO_STEP_ATTEMPTS_EXCEEDED"]);

interface SecondStepFormProps {
  attempt: TwoStepRequiredResponse;
  onSignedIn(): unknown;
  onStartOver(): void;
}

export function SecondStepForm({ attempt, onSignedIn, onStartOver }: SecondStepFormProps) {
  const t = useT();
  const hasApp = attempt.methods.includes("totp");
  const hasBackup = attempt.methods.includes("backup_code");
  const accountHasPasskey = attempt.methods.includes("passkey") && attempt.passkeyOptions !== null;
  // Said, not offered, where this browser can't use a passkey (an IP address, no WebAuthn).
  const [passkeyUnavailable] = useState(() => (accountHasPasskey ? passkeysUnavailable() : undefined));
  const hasPasskey = accountHasPasskey && !passkeyUnavailable;
  // The app's code first when there is one; else the passkey (nothing to type); backup codes last.
  const [using, setUsing] = useState<"totp" | "passkey" | "backup_code">(hasApp ? "totp" : hasPasskey ? "passkey" : "backup_code");
  const [code, setCode] = useState("");
  const [how, setHow] = useState<"code" | "passkey">();
  const [over, setOver] = useState(false);
  const completing = useSubmission({ fallback: t("auth.secondStep.failed") });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function complete(proof: "code" | "passkey") {
    setHow(proof);
    const completed = await completing.run(async () => {
      await (proof === "code"
        ? completeSecondStep(attempt.challenge, { code: code.trim() })
        : completeWithPasskey(attempt.challenge, attempt.passkeyOptions!));
      await onSignedIn();
    });
    if (!completed.ok && completed.code && ATTEMPT_OVER.has(completed.code)) setOver(true);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (
      completing.invalid({
        form: code.trim() ? undefined : t(using === "totp" ? "auth.secondStep.enterAppCode" : "auth.secondStep.enterBackupCode"),
      })
    )
      return;
    void complete("code");
  }

  function switchTo(method: "totp" | "passkey" | "backup_code") {
    setUsing(method);
    setCode("");
    completing.reset();
  }

  const passkeyFirst = using === "passkey";
  return (
    <div className="second-step">
      <h1 ref={heading} tabIndex={-1}>
        {t("auth.secondStep.title")}
      </h1>
      {over ? (
        <>
          {completing.errors.form && <Alert tone="error">{completing.errors.form}</Alert>}
          <button type="button" className="button button--primary button--block" onClick={onStartOver}>
            {t("auth.secondStep.signInAgain")}
          </button>
        </>
      ) : (
        <>
          <p className="second-step__lead">
            {t(
              passkeyFirst
                ? "auth.secondStep.passkeyLead"
                : using === "totp"
                  ? "auth.secondStep.enterAppCode"
                  : "auth.secondStep.backupLead",
            )}
          </p>
          {passkeyUnavailable && <Alert tone="info">{passkeyUnavailable}</Alert>}
          {completing.errors.form && <Alert tone="error">{completing.errors.form}</Alert>}
          {!passkeyFirst && (
            <form className="form" onSubmit={submit} noValidate>
              {using === "totp" ? (
                <TextField
                  key="totp"
                  label={t("auth.secondStep.appCodeLabel")}
                  className="second-step__code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]*"
                  maxLength={6}
                  autoFocus
                  value={code}
                  onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
                />
              ) : (
                <TextField
                  key="backup"
                  label={t("auth.secondStep.backupCodeLabel")}
                  className="second-step__code"
                  autoComplete="one-time-code"
                  spellCheck={false}
                  autoCapitalize="none"
                  maxLength={32}
                  autoFocus
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                />
              )}
              <button className="button button--primary button--block" type="submit" disabled={completing.pending}>
                {completing.pending && how === "code" ? t("auth.secondStep.checking") : t("auth.secondStep.verify")}
              </button>
            </form>
          )}
          <div className="second-step__other">
            {hasPasskey && (
              <button
                type="button"
                className={passkeyFirst ? "button button--primary button--block" : "button button--secondary button--block"}
                onClick={() => void complete("passkey")}
                disabled={completing.pending}
              >
                {completing.pending && how === "passkey" ? t("auth.secondStep.waitingForPasskey") : t("auth.secondStep.usePasskey")}
              </button>
            )}
            {hasBackup && using !== "backup_code" && (
              <button type="button" className="button button--link" onClick={() => switchTo("backup_code")}>
                {t("auth.secondStep.useBackupCode")}
              </button>
            )}
            {hasApp && using === "backup_code" && (
              <button type="button" className="button button--link" onClick={() => switchTo("totp")}>
                {t("auth.secondStep.useApp")}
              </button>
            )}
            <button type="button" className="button button--link" onClick={onStartOver}>
              {t("auth.secondStep.startOver")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
