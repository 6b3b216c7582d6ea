// Manage profiles → "Require PIN to add new profiles": a switch for the account's option.
// Adding a profile then asks for the main profile's PIN, so the switch only turns on while
// that profile is locked; it says so instead of letting the API refuse. Switching it either
// way asks for the account password, as every profile-lock change does.
import { useId, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { LoadFailed } from "../../../components/ui/load-failed";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import { useT } from "../../../lib/i18n";
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
  const t = useT();
  const headingId = useId();
  const labelId = useId();
  const descriptionId = useId();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string>();

  const on = setting.ok && setting.data;
  const mainLocked = main?.locked ?? false;
  const mainName = main?.name;
  // Without profiles there is no main profile to name (nor to lock).
  const hint =
    mainName === undefined
      ? t("profiles.requirePin.hintNoMain")
      : t(mainLocked ? "profiles.requirePin.hintLocked" : "profiles.requirePin.hintUnlocked", { name: mainName });
  const turningOn =
    mainName === undefined ? t("profiles.requirePin.turnOnBodyNoMain") : t("profiles.requirePin.turnOnBody", { name: mainName });

  /** Throws the API's refusal to the dialog, which says it there. */
  async function save(currentPassword: string) {
    const required = await setRequirePinToAddProfiles(!on, currentPassword);
    // Closed first: the dialog's words must not turn round while the setting is read again.
    setConfirming(false);
    await onSaved();
    setNotice(
      !required
        ? t("profiles.requirePin.savedOff")
        : mainName === undefined
          ? t("profiles.requirePin.savedOnNoMain")
          : t("profiles.requirePin.savedOn", { name: mainName }),
    );
  }

  return (
    <section className="card profile-lock-setting" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("profiles.requirePin.heading")}</h2>
      {!setting.ok ? (
        <LoadFailed className="profile-lock-setting__failed" message={setting.message} onRetry={onRetry} />
      ) : (
        <>
          <div className="switch-row">
            <span id={labelId} className="switch-row__label">
              {t("profiles.requirePin.label")}
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
                {t(on ? "profiles.requirePin.on" : "profiles.requirePin.off")}
              </span>
            </button>
          </div>
          <p id={descriptionId} className="profile-lock-setting__hint">
            {hint}
          </p>
          {notice && <Alert tone="success">{notice}</Alert>}
        </>
      )}
      <PasswordDialog
        {...lockPassword()}
        open={confirming}
        title={t(on ? "profiles.requirePin.turnOffTitle" : "profiles.requirePin.turnOnTitle")}
        confirmLabel={t(on ? "profiles.requirePin.turnOff" : "profiles.requirePin.turnOn")}
        busyLabel={t("profiles.requirePin.saving")}
        failed={t("profiles.requirePin.failed")}
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      >
        <p>{on ? t("profiles.requirePin.turnOffBody") : turningOn}</p>
      </PasswordDialog>
    </section>
  );
}
