// One passkey in the list: its name, when it was added and last used; Rename in place, Remove.
import { useState, type FormEvent } from "react";
import { TextField } from "../../../components/ui/text-field";
import { failureMessage } from "../../../lib/api-client";
import { renamePasskey, type Passkey } from "../api/passkeys";

const day = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));

export function PasskeyItem({ passkey, onRenamed, onRemove }: { passkey: Passkey; onRenamed(passkey: Passkey): void; onRemove(): void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError("Enter a name.");
    setBusy(true);
    setError(undefined);
    try {
      const renamed = await renamePasskey(passkey.id, name.trim());
      setBusy(false);
      setRenaming(false);
      onRenamed(renamed);
    } catch (failure) {
      setBusy(false);
      setError(failureMessage(failure, "The passkey couldn't be renamed. Please try again."));
    }
  }

  return (
    <li className="passkey">
      {renaming ? (
        <form className="passkey__rename" onSubmit={save} noValidate>
          <TextField label={`New name for ${passkey.name}`} maxLength={60} autoFocus error={error} value={name} onChange={(event) => setName(event.target.value)} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => (setRenaming(false), setName(passkey.name), setError(undefined))} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
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
