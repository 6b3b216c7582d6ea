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
import { backupCodesLeft, signedOutNotice } from "../../features/two-step/describe";
import { Message, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ security: await loaded(getSecurity(), "devices.twoStepPage.loadFailed") });

type Step = { kind: "overview" } | { kind: "setting-up"; setup: TotpSetup } | { kind: "codes"; codes: string[] };

export default function TwoStepPage() {
  const t = useT();
  const { security } = useLoaderData<typeof loader>();
  // A new session may have come with a change (a new cookie): the data is read again with it.
  const revalidator = useRevalidator();
  const [step, setStep] = useState<Step>({ kind: "overview" });
  const [notice, setNotice] = useState<string>();
  const [turningOff, setTurningOff] = useState(false);
  const [passkeyStep, setPasskeyStep] = useState<"on" | "off">();
  const [renewing, setRenewing] = useState(false);
  const setUp = useSubmission({ fallback: t("devices.twoStepPage.setUpFailed") });
  // A failure closes the dialog and is said on the page, as a setup's is.
  const renew = useSubmission({ fallback: t("devices.twoStepPage.renewFailed") });
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
    setNotice(t("devices.twoStepPage.renewed"));
    setStep({ kind: "codes", codes: renewed.value });
    void revalidator.revalidate();
  }

  const error = setUp.errors.form ?? renew.errors.form;
  const busy = setUp.pending || renew.pending;
  const state = security.ok ? security.data.twoStep : undefined;
  return (
    <div className="subpage two-step">
      <Link className="back-link" to="/account">
        {t("devices.twoStepPage.back")}
      </Link>
      <h1>{t("devices.twoStepPage.title")}</h1>
      <p className="subpage__lead">{t("devices.twoStepPage.lead")}</p>
      <div ref={noticeRef} tabIndex={-1} className="two-step__notice">
        {notice && <Alert tone="success">{notice}</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
      </div>
      {!security.ok && <LoadFailed className="account__failed" message={security.message} onRetry={() => void revalidator.revalidate()} />}
      {step.kind === "codes" && <BackupCodesPanel codes={step.codes} onDone={() => setStep({ kind: "overview" })} />}
      {step.kind === "setting-up" && (
        <TotpSetupForm
          setup={step.setup}
          onEnabled={(result) => changed(result, t("devices.twoStepPage.appTurnedOn"))}
          onCancel={() => setStep({ kind: "overview" })}
        />
      )}
      {state && step.kind === "overview" && (
        <section className="section" aria-labelledby="two-step-status">
          <h2 id="two-step-status">
            {state.enabled ? (
              <Message id="devices.twoStepPage.statusOn" components={{ 0: <span className="badge badge--ok" /> }} />
            ) : (
              <Message id="devices.twoStepPage.statusOff" components={{ 0: <span className="badge badge--warn" /> }} />
            )}
          </h2>
          <div className="row">
            <div className="row__value">
              <span className="row__title">{t("devices.twoStepPage.app")}</span>
              <span className="row__hint">{state.totp ? t("devices.twoStepPage.appSetUp") : t("devices.twoStepPage.appNotSetUp")}</span>
            </div>
            <div className="row__actions">
              {state.totp ? (
                <button
                  type="button"
                  className="button button--link"
                  aria-label={t("devices.twoStepPage.turnOffApp")}
                  onClick={() => {
                    setNotice(undefined);
                    setTurningOff(true);
                  }}
                >
                  {t("devices.twoStepPage.turnOff")}
                </button>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => void startSetUp()} disabled={busy}>
                  {setUp.pending ? t("devices.twoStepPage.starting") : t("devices.twoStepPage.setUpApp")}
                </button>
              )}
            </div>
          </div>
          <div className="row">
            <div className="row__value">
              <span className="row__title">{t("devices.twoStepPage.passkeys")}</span>
              <span className="row__hint">
                {state.passkeys === 0
                  ? t("devices.twoStepPage.noPasskeys")
                  : state.passkeyStep
                    ? t("devices.twoStepPage.passkeysAsked", { count: state.passkeys })
                    : t("devices.twoStepPage.passkeysNotAsked", { count: state.passkeys })}
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
                  {state.passkeyStep ? t("devices.twoStepPage.stopAsking") : t("devices.twoStepPage.startAsking")}
                </button>
              )}
              <Link to="/account/passkeys">{t("devices.twoStepPage.managePasskeys")}</Link>
            </div>
          </div>
          {state.enabled && (
            <div className="row">
              <div className="row__value">
                <span className="row__title">{t("devices.twoStepPage.backupCodes")}</span>
                <span className="row__hint">
                  {t("devices.twoStepPage.backupCodesHint", { left: backupCodesLeft(state.backupCodesLeft) })}
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
                  {t("devices.twoStepPage.getNewCodes")}
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
          changed(result, state?.passkeyStep ? t("devices.twoStepPage.appTurnedOff") : t("devices.twoStepPage.twoStepOff"));
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
              ? t("devices.twoStepPage.passkeyStepOn")
              : state?.totp
                ? t("devices.twoStepPage.passkeyStepOff")
                : t("devices.twoStepPage.twoStepOff"),
          );
        }}
      />
      <ConfirmDialog
        open={renewing}
        title={t("devices.twoStepPage.renewTitle")}
        confirmLabel={t("devices.twoStepPage.renewConfirm")}
        busyLabel={t("devices.twoStepPage.renewBusy")}
        failed={t("devices.twoStepPage.renewFailed")}
        onConfirm={renewCodes}
        onCancel={() => setRenewing(false)}
      >
        <p>{t("devices.twoStepPage.renewExplanation")}</p>
      </ConfirmDialog>
    </div>
  );
}
