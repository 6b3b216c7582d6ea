// The form behind "Add profile" and "Edit": name, avatar and the Kids setting, with the
// API's refusals shown in words beside the field they concern.
import { useState } from "react";
import type { AvatarId } from "../../../../contract/avatars";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { AvatarPicker } from "../../../components/ui/avatar-picker";
import { Checkbox } from "../../../components/ui/checkbox";
import { TextField } from "../../../components/ui/text-field";

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
  const [draft, setDraft] = useState(initial);
  const save = useSubmission<"name">({ fallback: "Saving the profile failed. Please try again.", at: { PROFILE_NAME_TAKEN: "name" } });

  function submit() {
    const name = draft.name.trim();
    if (save.invalid({ name: name ? undefined : "Enter a name for this profile." })) return;
    void save.run(() => onSubmit({ ...draft, name }));
  }

  return (
    <Form submission={save} onSubmit={submit} className="form profile-form">
      <TextField
        label="Name"
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
        label="Kids profile: only shows and films made for children"
        checked={draft.isKids}
        onChange={(event) => setDraft({ ...draft, isKids: event.target.checked })}
      />
      <div className="profile-form__actions">
        <button type="submit" className="button button--primary" disabled={save.pending}>
          {save.pending ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={save.pending}>
            Cancel
          </button>
        )}
      </div>
    </Form>
  );
}
