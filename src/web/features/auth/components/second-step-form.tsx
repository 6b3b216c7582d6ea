// The second step of signing in with two-step verification: a 6-digit code from the
// authenticator app, a backup code, or a passkey, as the account allows (`methods`).
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { TextField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { PasskeyCancelled } from "../../../lib/webauthn";
import { completeWithCode, completeWithPasskey, type TwoStepRequiredResponse } from "../api/sign-in";

/** These end the attempt: only signing in again helps. */
const ATTEMPT_OVER = new Set(["TWO_STEP_CHALLENGE_INVALID", "TWO_STEP_CHALLENGE_EXPIRED", "TWO_STEP_ATTEMPTS_EXCEEDED"]);

interface SecondStepFormProps {
  attempt: TwoStepRequiredResponse;
  onSignedIn(): void;
  onStartOver(): void;
}

export function SecondStepForm({ attempt, onSignedIn, onStartOver }: SecondStepFormProps) {
  const hasApp = attempt.methods.includes("totp");
  const hasBackup = attempt.methods.includes("backup_code");
  const hasPasskey = attempt.methods.includes("passkey") && attempt.passkeyOptions !== null;
  // The app's code first when there is one; else the passkey (nothing to type); backup codes last.
  const [using, setUsing] = useState<"totp" | "passkey" | "backup_code">(hasApp ? "totp" : hasPasskey ? "passkey" : "backup_code");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<"code" | "passkey">();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function complete(how: "code" | "passkey") {
    setBusy(how);
    setError(undefined);
    try {
      await (how === "code" ? completeWithCode(attempt.challenge, code.trim()) : completeWithPasskey(attempt.challenge, attempt.passkeyOptions!));
      onSignedIn();
    } catch (failure) {
      setBusy(undefined);
      if (failure instanceof ApiError && ATTEMPT_OVER.has(failure.code)) setOver(true);
      setError(failure instanceof PasskeyCancelled ? failure.message : failureMessage(failure, "Signing in failed. Please try again."));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) return setError(using === "totp" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your backup codes.");
    void complete("code");
  }

  function switchTo(method: "totp" | "passkey" | "backup_code") {
    setUsing(method);
    setCode("");
    setError(undefined);
  }

  const passkeyFirst = using === "passkey";
  return (
    <div className="second-step">
      <h1 ref={heading} tabIndex={-1}>
        Two-step verification
      </h1>
      {over ? (
        <>
          {error && <Alert tone="error">{error}</Alert>}
          <button type="button" className="button button--primary button--block" onClick={onStartOver}>
            Sign in again
          </button>
        </>
      ) : (
        <>
          <p className="second-step__lead">
            {passkeyFirst
              ? "Your account is protected with a passkey. Use it to finish signing in."
              : using === "totp"
                ? "Enter the 6-digit code from your authenticator app."
                : "Enter one of the backup codes you saved when you turned on two-step verification. Each works once."}
          </p>
          {error && <Alert tone="error">{error}</Alert>}
          {!passkeyFirst && (
            <form className="form" onSubmit={submit} noValidate>
              {using === "totp" ? (
                <TextField
                  key="totp"
                  label="Authenticator code"
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
                  label="Backup code"
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
              <button className="button button--primary button--block" type="submit" disabled={Boolean(busy)}>
                {busy === "code" ? "Checking…" : "Verify"}
              </button>
            </form>
          )}
          <div className="second-step__other">
            {hasPasskey && (
              <button
                type="button"
                className={passkeyFirst ? "button button--primary button--block" : "button button--secondary button--block"}
                onClick={() => void complete("passkey")}
                disabled={Boolean(busy)}
              >
                {busy === "passkey" ? "Waiting for your passkey…" : "Use a passkey"}
              </button>
            )}
            {hasBackup && using !== "backup_code" && (
              <button type="button" className="button button--link" onClick={() => switchTo("backup_code")}>
                Use a backup code
              </button>
            )}
            {hasApp && using === "backup_code" && (
              <button type="button" className="button button--link" onClick={() => switchTo("totp")}>
                Use your authenticator app
              </button>
            )}
            <button type="button" className="button button--link" onClick={onStartOver}>
              Cancel and sign in again
            </button>
          </div>
        </>
      )}
    </div>
  );
}
