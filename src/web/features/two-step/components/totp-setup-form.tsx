// Setting up the authenticator app: scan the QR code (or type the secret), then prove it
// works with a code; two-step verification turns on with it.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { TextField } from "../../../components/ui/text-field";
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

  function submit() {
    if (turnOn.invalid({ form: /^\d{6}$/.test(code) ? undefined : "Enter the 6-digit code your authenticator app shows." })) return;
    void turnOn.run(async () => onEnabled(await enableTotp(code, signOutOthers)));
  }

  return (
    <section className="card totp-setup" aria-labelledby="totp-setup-title">
      <h2 id="totp-setup-title">Set up your authenticator app</h2>
      <ol className="totp-setup__steps">
        <li>Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password…) and add an account.</li>
        <li>
          Scan this QR code.
          <img
            className="totp-setup__qr"
            src={setup.qrCode}
            alt="QR code to add Usher to your authenticator app"
            width={200}
            height={200}
          />
          <span className="totp-setup__manual">
            Can't scan it? Enter this key instead:{" "}
            <code className="totp-setup__secret" data-secret={setup.secret}>
              {grouped(setup.secret)}
            </code>
          </span>
        </li>
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
