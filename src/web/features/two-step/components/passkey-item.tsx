// One passkey in the list: its name, when it was added and last used; Rename in place, Remove.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { TextField } from "../../../components/ui/text-field";
import { type Passkey, renamePasskey } from "../api/passkeys";

const day = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));

export function PasskeyItem({ passkey, onRenamed, onRemove }: { passkey: Passkey; onRenamed(passkey: Passkey): void; onRemove(): void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  // Every refusal is said at its one field.
  const rename = useSubmission<"name">({ fallback: "The passkey couldn't be renamed. Please try again.", otherwise: "name" });

  async function submit() {
    if (rename.invalid({ name: name.trim() ? undefined : "Enter a name." })) return;
    const renamed = await rename.run(() => renamePasskey(passkey.id, name.trim()));
    if (!renamed.ok) return;
    setRenaming(false);
    onRenamed(renamed.value);
  }

  function cancel() {
    setRenaming(false);
    setName(passkey.name);
    rename.reset();
  }

  return (
    <li className="passkey">
      {renaming ? (
        <Form submission={rename} onSubmit={() => void submit()} className="passkey__rename">
          <TextField
            label={`New name for ${passkey.name}`}
            maxLength={60}
            autoFocus
            error={rename.errors.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={rename.pending}>
              {rename.pending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel} disabled={rename.pending}>
              Cancel
            </button>
          </div>
        </Form>
      ) : (
        <>
          <div className="passkey__text">
            <span className="passkey__name">{passkey.name}</span>
            <span className="row__hint">
              Added {day(passkey.createdAt)} · {passkey.lastUsedAt ? `Last used ${day(passkey.lastUsedAt)}` : "Not used yet"}
            </span>
          </div>
          <div className="passkey__actions">
            <button type="button" className="button button--link" aria-label={`Rename ${passkey.name}`} onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button type="button" className="button button--link" aria-label={`Remove ${passkey.name}`} onClick={onRemove}>
              Remove
            </button>
          </div>
        </>
      )}
    </li>
  );
}
