// Setting up the authenticator app: add Usher to the app (scan the QR code, open the app from
// its link, or copy the key), then prove it works with a code; two-step verification turns on
// with it. On a phone-sized screen the app is usually on the phone in hand, which can't scan
// its own screen: the link and the key come first there, the QR code after.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { TextField } from "../../../components/ui/text-field";
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
  const [code, setCode] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const turnOn = useSubmission({ fallback: "The authenticator app couldn't be turned on. Please try again." });
  const onPhone = usePhoneSized();

  function submit() {
    if (turnOn.invalid({ form: /^\d{6}$/.test(code) ? undefined : "Enter the 6-digit code your authenticator app shows." })) return;
    void turnOn.run(async () => onEnabled(await enableTotp(code, signOutOthers)));
  }

  const qrCode = (
    <img className="totp-setup__qr" src={setup.qrCode} alt="QR code to add Usher to your authenticator app" width={200} height={200} />
  );

  return (
    <section className="card totp-setup" aria-labelledby="totp-setup-title">
      <h2 id="totp-setup-title">Set up your authenticator app</h2>
      <ol className="totp-setup__steps">
        {onPhone ? (
          <>
            <li>Install an authenticator app on this phone (Google Authenticator, Microsoft Authenticator, 1Password…) if it has none.</li>
            <li>
              Add Usher to it: open it from this link, or copy the key and paste it into the app.
              <KeyActions setup={setup} lead />
              <span className="totp-setup__manual">Codes on another device? Scan this QR code with it instead.</span>
              {qrCode}
            </li>
          </>
        ) : (
          <>
            <li>Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password…) and add an account.</li>
            <li>
              Scan this QR code.
              {qrCode}
              <span className="totp-setup__manual">Can't scan it? Enter the key instead, or open the app from this device:</span>
              <KeyActions setup={setup} />
            </li>
          </>
        )}
        <li>Enter the 6-digit code the app shows for Usher.</li>
      </ol>
      <Form submission={turnOn} onSubmit={submit}>
        <TextField
          label="6-digit code"
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
            {turnOn.pending ? "Turning on…" : "Turn on"}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={turnOn.pending}>
            Cancel
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The key to type or paste, Copy key, and the otpauth:// link (the QR code's own URI) that opens the app. */
function KeyActions({ setup, lead = false }: { setup: TotpSetup; lead?: boolean }) {
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
        Key:{" "}
        <code className="totp-setup__secret" data-secret={setup.secret}>
          {grouped(setup.secret)}
        </code>
      </p>
      <div className="totp-setup__actions">
        <a className={`button ${lead ? "button--primary" : "button--secondary"}`} href={setup.otpauthUri}>
          Open in authenticator app
        </a>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy key
        </button>
      </div>
      {copied === "yes" && <Alert tone="success">The key was copied. Paste it into your authenticator app.</Alert>}
      {copied === "failed" && <Alert tone="error">This browser wouldn't copy it. Select the key and copy it, or type it.</Alert>}
    </div>
  );
}
