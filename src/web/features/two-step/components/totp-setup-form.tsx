// Setting up the authenticator app: add Usher to the app (scan the QR code, open the app from
// its link, or copy the key), then prove it works with a code; two-step verification turns on
// with it. On a phone-sized screen the app is usually on the phone in hand, which can't scan
// its own screen: the link and the key come first there, the QR code after.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { TextField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { usePhoneSized } from "../../../lib/use-phone-sized";
import { enableTotp, type TotpSetup, type TwoStepChanged } from "../api/totp";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

/** The secret in groups of four, easier to type by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export function TotpSetupForm({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: TotpSetup;
  onEnabled(result: TwoStepChanged): void;
  onCancel(): void;
}) {
  const t = useT();
  const [code, setCode] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const turnOn = useSubmission({ fallback: t("devices.totpSetup.failed") });
  const onPhone = usePhoneSized();

  function submit() {
    if (turnOn.invalid({ form: /^\d{6}$/.test(code) ? undefined : t("devices.totpSetup.codeMissing") })) return;
    void turnOn.run(async () => onEnabled(await enableTotp(code, signOutOthers)));
  }

  const qrCode = <img className="totp-setup__qr" src={setup.qrCode} alt={t("devices.totpSetup.qrCode")} width={200} height={200} />;

  return (
    <section className="card totp-setup" aria-labelledby="totp-setup-title">
      <h2 id="totp-setup-title">{t("devices.totpSetup.title")}</h2>
      <ol className="totp-setup__steps">
        {onPhone ? (
          <>
            <li>{t("devices.totpSetup.phone.install")}</li>
            <li>
              {t("devices.totpSetup.phone.add")}
              <KeyActions setup={setup} lead />
              <span className="totp-setup__manual">{t("devices.totpSetup.phone.scanInstead")}</span>
              {qrCode}
            </li>
          </>
        ) : (
          <>
            <li>{t("devices.totpSetup.computer.open")}</li>
            <li>
              {t("devices.totpSetup.computer.scan")}
              {qrCode}
              <span className="totp-setup__manual">{t("devices.totpSetup.computer.cantScan")}</span>
              <KeyActions setup={setup} />
            </li>
          </>
        )}
        <li>{t("devices.totpSetup.enterCode")}</li>
      </ol>
      <Form submission={turnOn} onSubmit={submit}>
        <TextField
          label={t("devices.totpSetup.codeLabel")}
          className="totp-setup__code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
        />
        <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={turnOn.pending}>
            {turnOn.pending ? t("devices.totpSetup.turningOn") : t("devices.totpSetup.turnOn")}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={turnOn.pending}>
            {t("devices.totpSetup.cancel")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The key to type or paste, Copy key, and the otpauth:// link (the QR code's own URI) that opens the app. */
function KeyActions({ setup, lead = false }: { setup: TotpSetup; lead?: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState<"yes" | "failed">();

  async function copy() {
    try {
      await navigator.clipboard.writeText(setup.secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="totp-setup__key">
      <p className="totp-setup__key-line">
        {t("devices.totpSetup.key")}{" "}
        <code className="totp-setup__secret" data-secret={setup.secret}>
          {grouped(setup.secret)}
        </code>
      </p>
      <div className="totp-setup__actions">
        <a className={`button ${lead ? "button--primary" : "button--secondary"}`} href={setup.otpauthUri}>
          {t("devices.totpSetup.openApp")}
        </a>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t("devices.totpSetup.copyKey")}
        </button>
      </div>
      {copied === "yes" && <Alert tone="success">{t("devices.totpSetup.copied")}</Alert>}
      {copied === "failed" && <Alert tone="error">{t("devices.totpSetup.copyFailed")}</Alert>}
    </div>
  );
}
