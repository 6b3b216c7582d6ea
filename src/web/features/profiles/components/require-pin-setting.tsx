// Manage profiles → "Require PIN to add new profiles": a switch for the account's option.
// Adding a profile then asks for the main profile's PIN, so the switch only turns on while
// that profile is locked; it says so instead of letting the API refuse. Switching it either
// way asks for the account password, as every profile-lock change does.
import { useId, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { LoadFailed } from "../../../components/ui/load-failed";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import type { Loaded } from "../../../lib/loaded";
import { setRequirePinToAddProfiles } from "../api/profile-lock";
import type { Profile } from "../api/profiles";
import { lockPassword } from "./lock-password";

interface RequirePinSettingProps {
  /** The account's setting, as the page loaded it. */
  setting: Loaded<boolean>;
  main: Profile | undefined;
  onRetry(): void;
  /** After a change: the page loads the setting again. */
  onSaved(): Promise<unknown>;
}

export function RequirePinSetting({ setting, main, onRetry, onSaved }: RequirePinSettingProps) {
  const headingId = useId();
  const labelId = useId();
  const descriptionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string>();

  const on = setting.ok && setting.data;
  const mainLocked = main?.locked ?? false;

  /** Throws the API's refusal to the dialog, which says it there. */
  async function save(currentPassword: string) {
    const required = await setRequirePinToAddProfiles(!on, currentPassword);
    // Closed first: the dialog's words must not turn round while the setting is read again.
    setConfirming(false);
    await onSaved();
    setNotice(
      required ? `Adding a profile now asks for ${main?.name ?? "the main profile"}'s PIN.` : "Adding a profile no longer asks for a PIN.",
    );
  }

  return (
    <section className="card profile-lock-setting" aria-labelledby={headingId}>
      <h2 id={headingId}>Who can add profiles</h2>
      {!setting.ok ? (
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
              disabled={!on && !mainLocked}
              onClick={() => {
                setNotice(undefined);
                setConfirming(true);
              }}
            >
              <span className="switch__thumb" aria-hidden="true" />
              <span className="switch__state" aria-hidden="true">
                {on ? "On" : "Off"}
              </span>
            </button>
          </div>
          <p id={descriptionId} className="profile-lock-setting__hint">
            {mainLocked
              ? `Adding a profile asks for the PIN of ${main?.name}, the main profile, so only its owner can add people to this account.`
              : `Adding a profile can ask for the PIN of ${main?.name ?? "the main profile"}, the main profile. Lock ${main?.name ?? "it"} first with its Profile lock.`}
          </p>
          {notice && <Alert tone="success">{notice}</Alert>}
        </>
      )}
      <PasswordDialog
        {...lockPassword}
        open={confirming}
        title={on ? "Stop asking for a PIN to add profiles?" : "Ask for a PIN to add profiles?"}
        confirmLabel={on ? "Turn off" : "Turn on"}
        busyLabel="Saving…"
        failed="Saving the setting failed. Please try again."
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {on
            ? "Anyone using this account will be able to add a profile without a PIN."
            : `Adding a profile will ask for the PIN of ${main?.name ?? "the main profile"}, the main profile.`}
        </p>
      </PasswordDialog>
    </section>
  );
}
