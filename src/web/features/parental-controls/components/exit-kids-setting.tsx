// Profile & Parental Controls → Exit Kids: whether leaving a Kids profile asks for the account
// password. One setting for the whole account, saved as soon as the box changes.
import { useId, useState } from "react";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { Checkbox } from "../../../components/ui/checkbox";
import { useT } from "../../../lib/i18n";
import type { ParentalControls, ParentalControlsChange } from "../api/parental-controls";

interface ExitKidsSettingProps {
  controls: ParentalControls;
  /** Sends the change with the account password; resolves with the settings as saved. */
  onChange(change: ParentalControlsChange): Promise<ParentalControls>;
}

export function ExitKidsSetting({ controls, onChange }: ExitKidsSettingProps) {
  const t = useT();
  const hintId = useId();
  const [wanted, setWanted] = useState(controls.askPasswordToExitKids);
  const [notice, setNotice] = useState<string>();
  // A refused password takes the page back to asking for it: nothing to say here.
  const save = useSubmission({ fallback: t("profiles.exitKids.failed"), at: { WRONG_PASSWORD: null } });

  async function toggle(ask: boolean) {
    // Not disabled while saving: a disabled box would drop the keyboard's focus.
    if (save.pending) return;
    setNotice(undefined);
    setWanted(ask);
    const saved = await save.run(() => onChange({ askPasswordToExitKids: ask }));
    if (saved.ok) {
      setNotice(t(saved.value.askPasswordToExitKids ? "profiles.exitKids.savedOn" : "profiles.exitKids.savedOff"));
    }
  }

  return (
    <>
      {notice && <Alert tone="success">{notice}</Alert>}
      {save.errors.form && <Alert tone="error">{save.errors.form}</Alert>}
      <div className="parental__checkbox">
        <Checkbox
          label={t("profiles.exitKids.label")}
          checked={save.pending ? wanted : controls.askPasswordToExitKids}
          aria-describedby={hintId}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <p id={hintId} className="field__hint">
          {t("profiles.exitKids.hint")}
        </p>
      </div>
    </>
  );
}
