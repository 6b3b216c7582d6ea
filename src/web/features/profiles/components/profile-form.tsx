// The form behind "Add profile" and "Edit": name, avatar and the Kids setting, with the
// API's refusals shown in words beside the field they concern.
import { useState } from "react";
import type { AvatarId } from "../../../../contract/avatars";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { AvatarPicker } from "../../../components/ui/avatar-picker";
import { Checkbox } from "../../../components/ui/checkbox";
import { TextField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";

export interface ProfileDraft {
  name: string;
  avatar: AvatarId;
  isKids: boolean;
}

interface ProfileFormProps {
  initial: ProfileDraft;
  submitLabel: string;
  busyLabel: string;
  onSubmit(draft: ProfileDraft): Promise<void>;
  onCancel?: () => void;
  /** Put the cursor in the name field when the form opens (editing). */
  autoFocus?: boolean;
}

export function ProfileForm({ initial, submitLabel, busyLabel, onSubmit, onCancel, autoFocus }: ProfileFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const save = useSubmission<"name">({ fallback: t("profiles.profileForm.failed"), at: { PROFILE_NAME_TAKEN: "name" } });

  function submit() {
    const name = draft.name.trim();
    if (save.invalid({ name: name ? undefined : t("profiles.profileForm.nameMissing") })) return;
    void save.run(() => onSubmit({ ...draft, name }));
  }

  return (
    <Form submission={save} onSubmit={submit} className="form profile-form">
      <TextField
        label={t("profiles.profileForm.name")}
        autoComplete="off"
        maxLength={50}
        required
        autoFocus={autoFocus}
        value={draft.name}
        error={save.errors.name}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <AvatarPicker value={draft.avatar} onChange={(avatar) => setDraft({ ...draft, avatar })} />
      <Checkbox
        label={t("profiles.profileForm.kids")}
        checked={draft.isKids}
        onChange={(event) => setDraft({ ...draft, isKids: event.target.checked })}
      />
      <div className="profile-form__actions">
        <button type="submit" className="button button--primary" disabled={save.pending}>
          {save.pending ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={save.pending}>
            {t("profiles.profileForm.cancel")}
          </button>
        )}
      </div>
    </Form>
  );
}
