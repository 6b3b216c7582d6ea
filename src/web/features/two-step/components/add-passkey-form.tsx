// Add a passkey: a name to tell it apart, then the browser's own prompt (fingerprint, face,
// screen lock or security key) makes it.
import { useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { TextField } from "../../../components/ui/text-field";
import { failureMessage } from "../../../lib/api-client";
import { PasskeyCancelled } from "../../../lib/webauthn";
import { addPasskey, type PasskeyAdded } from "../api/passkeys";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

export function AddPasskeyForm({ onAdded }: { onAdded(result: PasskeyAdded): void }) {
  const [name, setName] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [error, setError] = useState<string>();
  const [nameError, setNameError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setNameError("Give this passkey a name, like “Work laptop” or “My phone”.");
    setNameError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const result = await addPasskey(name.trim(), signOutOthers);
      setName("");
      setBusy(false);
      onAdded(result);
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof PasskeyCancelled ? failure.message : failureMessage(failure, "The passkey couldn't be added. Please try again."));
    }
  }

  return (
    <section className="card passkeys__add" aria-labelledby="add-passkey-title">
      <h2 id="add-passkey-title">Add a passkey</h2>
      <p className="row__hint">Your browser or phone will ask for your fingerprint, face, screen lock or security key.</p>
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Passkey name"
          hint="To tell your passkeys apart, like “Work laptop” or “My phone”."
          maxLength={60}
          error={nameError}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Waiting for your passkey…" : "Add a passkey"}
          </button>
        </div>
      </form>
    </section>
  );
}
