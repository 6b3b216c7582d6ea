// The form behind "Add profile" and "Edit": name, avatar and the Kids setting, with the
// API's refusals shown in words beside the field they concern.
import { useState, type FormEvent } from "react";
import type { AvatarId } from "../../../../contract/avatars";
import { Alert } from "../../../components/ui/alert";
import { AvatarPicker } from "../../../components/ui/avatar-picker";
import { Checkbox } from "../../../components/ui/checkbox";
import { TextField } from "../../../components/ui/text-field";
import { ApiError } from "../../../lib/api-client";

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
  const [nameError, setNameError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const name = draft.name.trim();
    if (!name) return setNameError("Enter a name for this profile.");
    setNameError(undefined);
    setBusy(true);
    try {
      await onSubmit({ ...draft, name });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === "PROFILE_NAME_TAKEN") setNameError(failure.message);
      else setFormError(failure instanceof ApiError ? failure.message : "Saving the profile failed. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form profile-form" onSubmit={submit} noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label="Name"
        autoComplete="off"
        maxLength={50}
        required
        autoFocus={autoFocus}
        value={draft.name}
        error={nameError}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <AvatarPicker value={draft.avatar} name={draft.name} onChange={(avatar) => setDraft({ ...draft, avatar })} />
      <Checkbox
        label="Kids profile: only shows and films made for children"
        checked={draft.isKids}
        onChange={(event) => setDraft({ ...draft, isKids: event.target.checked })}
      />
      <div className="profile-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
