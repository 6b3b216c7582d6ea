// Manage profiles → "Require PIN to add new profiles": a switch for the account's option.
// Adding a profile then asks for the main profile's PIN, so the switch only turns on while
// that profile is locked; it says so instead of letting the API refuse.
import { useId, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { LoadFailed } from "../../../components/ui/load-failed";
import { failureMessage } from "../../../lib/api-client";
import { setRequirePinToAddProfiles, type ProfileLockSetting } from "../api/profile-lock";
import type { Profile } from "../api/profiles";

interface RequirePinSettingProps {
  setting: ProfileLockSetting;
  main: Profile | undefined;
  onRetry(): void;
  onSaved(required: boolean): void;
}

export function RequirePinSetting({ setting, main, onRetry, onSaved }: RequirePinSettingProps) {
  const headingId = useId();
  const labelId = useId();
  const descriptionId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const on = setting.status === "ready" && setting.requirePinToAddProfiles;
  const mainLocked = main?.locked ?? false;

  async function toggle() {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const required = await setRequirePinToAddProfiles(!on);
      onSaved(required);
      setNotice(required ? `Adding a profile now asks for ${main?.name ?? "the main profile"}'s PIN.` : "Adding a profile no longer asks for a PIN.");
    } catch (failure) {
      setError(failureMessage(failure, "Saving the setting failed. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card profile-lock-setting" aria-labelledby={headingId}>
      <h2 id={headingId}>Who can add profiles</h2>
      {setting.status === "failed" ? (
        <LoadFailed className="profile-lock-setting__failed" message={setting.message} onRetry={onRetry} />
      ) : (
        <>
          <div className="switch-row">
            <span id={labelId} className="switch-row__label">
              Require PIN to add new profiles
            </span>
            <button
              type="button"
              role="switch"
              className="switch"
              aria-checked={on}
              aria-labelledby={labelId}
              aria-describedby={descriptionId}
              aria-busy={busy || setting.status === "loading"}
              disabled={busy || setting.status === "loading" || (!on && !mainLocked)}
              onClick={() => void toggle()}
            >
              <span className="switch__thumb" aria-hidden="true" />
              <span className="switch__state" aria-hidden="true">
                {on ? "On" : "Off"}
              </span>
            </button>
          </div>
          <p id={descriptionId} className="profile-lock-setting__hint">
            {setting.status === "loading"
              ? "Loading…"
              : mainLocked
                ? `Adding a profile asks for the PIN of ${main?.name}, the main profile, so only its owner can add people to this account.`
                : `Adding a profile can ask for the PIN of ${main?.name ?? "the main profile"}, the main profile. Lock ${main?.name ?? "it"} first: Edit, then Profile lock.`}
          </p>
          {error && <Alert tone="error">{error}</Alert>}
          {notice && <Alert tone="success">{notice}</Alert>}
        </>
      )}
    </section>
  );
}
