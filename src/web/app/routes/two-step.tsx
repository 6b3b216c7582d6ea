// Two-step verification: the authenticator app (set up with a QR code, turned on with a code,
// turned off), passkeys as the second step (a choice of its own: a passkey is first another way
// to sign in), backup codes (shown once, how many are left, a new set). Sensitive steps may
// first ask "Confirm it's you".
import { useEffect, useRef, useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { LoadFailed } from "../../components/ui/load-failed";
import { getSecurity } from "../../features/two-step/api/security";
import { newBackupCodes, startTotpSetup, type TotpSetup, type TwoStepChanged } from "../../features/two-step/api/totp";
import { BackupCodesPanel } from "../../features/two-step/components/backup-codes-panel";
import { PasskeyStepDialog } from "../../features/two-step/components/passkey-step-dialog";
import { TotpSetupForm } from "../../features/two-step/components/totp-setup-form";
import { TurnOffAppDialog } from "../../features/two-step/components/turn-off-app-dialog";
import { backupCodesLeft, passkeyCount, signedOutNotice } from "../../features/two-step/describe";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ security: await loaded(getSecurity(), "Your security settings couldn't be loaded.") });

type Step = { kind: "overview" } | { kind: "setting-up"; setup: TotpSetup } | { kind: "codes"; codes: string[] };

export default function TwoStepPage() {
  const { security } = useLoaderData<typeof loader>();
  // A new session may have come with a change (a new cookie): the data is read again with it.
  const revalidator = useRevalidator();
  const [step, setStep] = useState<Step>({ kind: "overview" });
  const [notice, setNotice] = useState<string>();
  const [turningOff, setTurningOff] = useState(false);
  const [passkeyStep, setPasskeyStep] = useState<"on" | "off">();
  const [renewing, setRenewing] = useState(false);
  const setUp = useSubmission({ fallback: "Setting up the authenticator app failed. Please try again." });
  // A failure closes the dialog and is said on the page, as a setup's is.
  const renew = useSubmission({ fallback: "New backup codes couldn't be made. Please try again." });
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && step.kind === "overview") noticeRef.current?.focus();
  }, [notice, step.kind]);

  async function startSetUp() {
    setNotice(undefined);
    renew.reset();
    const started = await setUp.run(startTotpSetup);
    if (started.ok) setStep({ kind: "setting-up", setup: started.value });
  }

  function changed(result: TwoStepChanged, what: string) {
    void revalidator.revalidate();
    setNotice(`${what}${signedOutNotice(result.signedOutOtherDevices)}`);
    setStep(result.backupCodes ? { kind: "codes", codes: result.backupCodes } : { kind: "overview" });
  }

  async function renewCodes() {
    setUp.reset();
    const renewed = await renew.run(newBackupCodes);
    setRenewing(false);
    if (!renewed.ok) return;
    setNotice("You have a new set of backup codes. The old ones no longer work.");
    setStep({ kind: "codes", codes: renewed.value });
    void revalidator.revalidate();
  }

  const error = setUp.errors.form ?? renew.errors.form;
  const busy = setUp.pending || renew.pending;
  const state = security.ok ? security.data.twoStep : undefined;
  return (
    <div className="subpage two-step">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Two-step verification</h1>
      <p className="subpage__lead">After your password, Usher asks for a second step: a code from an authenticator app, or a passkey.</p>
      <div ref={noticeRef} tabIndex={-1} className="two-step__notice">
        {notice && <Alert tone="success">{notice}</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
      </div>
      {!security.ok && <LoadFailed className="account__failed" message={security.message} onRetry={() => void revalidator.revalidate()} />}
      {step.kind === "codes" && <BackupCodesPanel codes={step.codes} onDone={() => setStep({ kind: "overview" })} />}
      {step.kind === "setting-up" && (
        <TotpSetupForm
          setup={step.setup}
          onEnabled={(result) =>
            changed(result, "Two-step verification is on: signing in now asks for a code from your authenticator app.")
          }
          onCancel={() => setStep({ kind: "overview" })}
        />
      )}
      {state && step.kind === "overview" && (
        <section className="section" aria-labelledby="two-step-status">
          <h2 id="two-step-status">
            Two-step verification is{" "}
            <span className={`badge ${state.enabled ? "badge--ok" : "badge--warn"}`}>{state.enabled ? "On" : "Off"}</span>
          </h2>
          <div className="row">
            <div className="row__value">
              <span className="row__title">Authenticator app</span>
              <span className="row__hint">{state.totp ? "Set up: signing in asks for its 6-digit code." : "Not set up."}</span>
            </div>
            <div className="row__actions">
              {state.totp ? (
                <button
                  type="button"
                  className="button button--link"
                  aria-label="Turn off the authenticator app"
                  onClick={() => {
                    setNotice(undefined);
                    setTurningOff(true);
                  }}
                >
                  Turn off
                </button>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => void startSetUp()} disabled={busy}>
                  {setUp.pending ? "Starting…" : "Set up an authenticator app"}
                </button>
              )}
            </div>
          </div>
          <div className="row">
            <div className="row__value">
              <span className="row__title">Passkeys</span>
              <span className="row__hint">
                {state.passkeys === 0
                  ? "None yet. Add one to sign in without your password; then you can be asked for it after your password too."
                  : `${passkeyCount(state.passkeys)}. ${
                      state.passkeyStep ? "Signing in with your password asks for one." : "Not asked for after your password."
                    }`}
              </span>
            </div>
            <div className="row__actions">
              {state.passkeys > 0 && (
                <button
                  type="button"
                  className={`button ${state.passkeyStep ? "button--link" : "button--secondary"}`}
                  onClick={() => {
                    setNotice(undefined);
                    setPasskeyStep(state.passkeyStep ? "off" : "on");
                  }}
                >
                  {state.passkeyStep ? "Stop asking for a passkey" : "Ask for a passkey after my password"}
                </button>
              )}
              <Link to="/account/passkeys">Manage passkeys</Link>
            </div>
          </div>
          {state.enabled && (
            <div className="row">
              <div className="row__value">
                <span className="row__title">Backup codes</span>
                <span className="row__hint">
                  {backupCodesLeft(state.backupCodesLeft)}. Each signs you in once without your app or passkey.
                </span>
              </div>
              <div className="row__actions">
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    setNotice(undefined);
                    setRenewing(true);
                  }}
                >
                  Get new backup codes
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      <TurnOffAppDialog
        open={turningOff}
        passkeysLeft={state?.passkeyStep ? state.passkeys : 0}
        onCancel={() => setTurningOff(false)}
        onTurnedOff={(result) => {
          setTurningOff(false);
          changed(result, state?.passkeyStep ? "The authenticator app is turned off." : "Two-step verification is off.");
        }}
      />
      <PasskeyStepDialog
        turning={passkeyStep}
        hasApp={state?.totp ?? false}
        onCancel={() => setPasskeyStep(undefined)}
        onChanged={(result) => {
          const turnedOn = passkeyStep === "on";
          setPasskeyStep(undefined);
          changed(
            result,
            turnedOn
              ? "Two-step verification is on: signing in with your password now asks for a passkey."
              : state?.totp
                ? "Signing in no longer asks for a passkey."
                : "Two-step verification is off.",
          );
        }}
      />
      <ConfirmDialog
        open={renewing}
        title="Get new backup codes?"
        confirmLabel="Get new codes"
        busyLabel="Getting new codes…"
        failed="New backup codes couldn't be made. Please try again."
        onConfirm={renewCodes}
        onCancel={() => setRenewing(false)}
      >
        <p>You'll see 10 new codes once. The codes you have now will stop working.</p>
      </ConfirmDialog>
    </div>
  );
}
