// Manage profiles → Profile lock → Lock with a PIN (or Change PIN): the 4-digit PIN
// twice, and the account password, asked for right here every time.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { PinField, pinProblem } from "../../../components/ui/pin-field";
import { PasswordField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { setProfilePin } from "../api/profile-lock";
import type { Profile } from "../api/profiles";
import { lockPassword } from "./lock-password";

interface SetPinFormProps {
  profile: Profile;
  /** After the PIN is saved: the page loads the profiles again. */
  onSaved(): Promise<unknown>;
  onCancel(): void;
}

export function SetPinForm({ profile, onSaved, onCancel }: SetPinFormProps) {
  const t = useT();
  const accountPassword = lockPassword();
  const [pin, setPin] = useState("");
  const [confirmPin, setConfirmPin] = useState("");
  const [password, setPassword] = useState("");
  const save = useSubmission<"pin" | "confirm" | "password">({
    fallback: t("profiles.setPin.failed"),
    at: { WRONG_PASSWORD: "password" },
  });

  async function submit() {
    const problem = pinProblem(pin);
    const found = {
      pin: problem,
      confirm: !problem && confirmPin !== pin ? t("profiles.setPin.mismatch") : undefined,
      password: password ? undefined : accountPassword.missing,
    };
    if (save.invalid(found)) return;
    const saved = await save.run(async () => {
      await setProfilePin(profile.id, pin, password);
      setPassword("");
      await onSaved();
    });
    if (!saved.ok && saved.code === "WRONG_PASSWORD") setPassword("");
  }

  return (
    <Form submission={save} onSubmit={() => void submit()} className="form profile-lock__form">
      <PinField
        label={t(profile.locked ? "profiles.setPin.newPin" : "profiles.setPin.pin")}
        hint={t("profiles.setPin.hint")}
        value={pin}
        onValueChange={setPin}
        error={save.errors.pin}
        autoFocus
      />
      <PinField
        label={t(profile.locked ? "profiles.setPin.confirmNewPin" : "profiles.setPin.confirmPin")}
        value={confirmPin}
        onValueChange={setConfirmPin}
        error={save.errors.confirm}
      />
      <PasswordField
        label={accountPassword.label}
        hint={accountPassword.hint}
        autoComplete="current-password"
        required
        value={password}
        error={save.errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.pending}>
          {save.pending ? t("profiles.setPin.saving") : t("profiles.setPin.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={save.pending}>
          {t("profiles.setPin.cancel")}
        </button>
      </div>
    </Form>
  );
}
