// Add a passkey: a name to tell it apart, then the browser's own prompt (fingerprint, face,
// screen lock or security key) makes it.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { TextField } from "../../../components/ui/text-field";
import { addPasskey, type PasskeyAdded } from "../api/passkeys";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

export function AddPasskeyForm({ onAdded }: { onAdded(result: PasskeyAdded): void }) {
  const [name, setName] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const add = useSubmission<"name">({ fallback: "The passkey couldn't be added. Please try again." });

  async function submit() {
    if (add.invalid({ name: name.trim() ? undefined : "Give this passkey a name, like “Work laptop” or “My phone”." })) return;
    const added = await add.run(() => addPasskey(name.trim(), signOutOthers));
    if (!added.ok) return;
    setName("");
    onAdded(added.value);
  }

  return (
    <section className="card passkeys__add" aria-labelledby="add-passkey-title">
      <h2 id="add-passkey-title">Add a passkey</h2>
      <p className="row__hint">Your browser or phone will ask for your fingerprint, face, screen lock or security key.</p>
      <Form submission={add} onSubmit={() => void submit()}>
        <TextField
          label="Passkey name"
          hint="To tell your passkeys apart, like “Work laptop” or “My phone”."
          maxLength={60}
          error={add.errors.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.pending}>
            {add.pending ? "Waiting for your passkey…" : "Add a passkey"}
          </button>
        </div>
      </Form>
    </section>
  );
}
