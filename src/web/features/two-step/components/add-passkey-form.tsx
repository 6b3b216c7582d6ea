// Add a passkey: a name to tell it apart (this device's, to start with), then the browser's own
// prompt (fingerprint, face, screen lock or security key) makes it. A passkey is another way to
// sign in: it adds nothing to a password sign-in, and the other devices stay signed in unless
// the owner asks otherwise. Asking for a passkey after the password is a choice of its own, on
// the two-step verification page, and the form says so before the browser's prompt.
import { useState } from "react";
import { Link } from "react-router";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { TextField } from "../../../components/ui/text-field";
import { Message, useT } from "../../../lib/i18n";
import { addPasskey, type PasskeyAdded } from "../api/passkeys";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

/** `deviceName`: this browser's, as the device list names it ("Chrome on Linux"), to start the name with. */
export function AddPasskeyForm({ deviceName = "", onAdded }: { deviceName?: string; onAdded(result: PasskeyAdded): void }) {
  const t = useT();
  const [name, setName] = useState(deviceName);
  const [signOutOthers, setSignOutOthers] = useState(false);
  const add = useSubmission<"name">({ fallback: t("devices.addPasskey.failed") });

  async function submit() {
    if (add.invalid({ name: name.trim() ? undefined : t("devices.addPasskey.nameMissing") })) return;
    const added = await add.run(() => addPasskey(name.trim(), signOutOthers));
    if (!added.ok) return;
    setName(deviceName);
    onAdded(added.value);
  }

  return (
    <section className="card passkeys__add" aria-labelledby="add-passkey-title">
      <h2 id="add-passkey-title">{t("devices.addPasskey.add")}</h2>
      <p className="row__hint">
        <Message id="devices.addPasskey.explanation" components={{ 0: <Link to="/account/two-step" /> }} />
      </p>
      <Form submission={add} onSubmit={() => void submit()}>
        <TextField
          label={t("devices.addPasskey.nameLabel")}
          hint={t("devices.addPasskey.nameHint")}
          maxLength={60}
          error={add.errors.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.pending}>
            {add.pending ? t("devices.addPasskey.waiting") : t("devices.addPasskey.add")}
          </button>
        </div>
      </Form>
    </section>
  );
}
