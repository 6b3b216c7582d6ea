// One passkey in the list: its name, when it was added and last used; Rename in place, Remove.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { TextField } from "../../../components/ui/text-field";
import { formatDateTime, useT } from "../../../lib/i18n";
import { type Passkey, renamePasskey } from "../api/passkeys";

const day = (iso: string) => formatDateTime(iso, { dateStyle: "medium" });

export function PasskeyItem({ passkey, onRenamed, onRemove }: { passkey: Passkey; onRenamed(passkey: Passkey): void; onRemove(): void }) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  // Every refusal is said at its one field.
  const rename = useSubmission<"name">({ fallback: t("devices.passkeyItem.renameFailed"), otherwise: "name" });

  async function submit() {
    if (rename.invalid({ name: name.trim() ? undefined : t("devices.passkeyItem.nameMissing") })) return;
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
            label={t("devices.passkeyItem.newName", { name: passkey.name })}
            maxLength={60}
            autoFocus
            error={rename.errors.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={rename.pending}>
              {rename.pending ? t("devices.passkeyItem.saving") : t("devices.passkeyItem.save")}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel} disabled={rename.pending}>
              {t("devices.passkeyItem.cancel")}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <div className="passkey__text">
            <span className="passkey__name">{passkey.name}</span>
            <span className="row__hint">
              {passkey.lastUsedAt
                ? t("devices.passkeyItem.addedAndLastUsed", { added: day(passkey.createdAt), lastUsed: day(passkey.lastUsedAt) })
                : t("devices.passkeyItem.addedNotUsed", { added: day(passkey.createdAt) })}
            </span>
          </div>
          <div className="passkey__actions">
            <button
              type="button"
              className="button button--link"
              aria-label={t("devices.passkeyItem.renameNamed", { name: passkey.name })}
              onClick={() => setRenaming(true)}
            >
              {t("devices.passkeyItem.rename")}
            </button>
            <button
              type="button"
              className="button button--link"
              aria-label={t("devices.passkeyItem.removeNamed", { name: passkey.name })}
              onClick={onRemove}
            >
              {t("devices.passkeyItem.remove")}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
