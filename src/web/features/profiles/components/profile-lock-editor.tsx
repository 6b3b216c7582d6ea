// Manage profiles → Profile lock: lock a profile with a 4-digit PIN (entered twice),
// change the PIN, or remove the lock. Each asks for the account password right there, every
// time, however recently it was typed on this device.
import { useEffect, useId, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { PasswordDialog } from "../../../components/ui/password-dialog";
import { useT } from "../../../lib/i18n";
import { removeProfilePin } from "../api/profile-lock";
import type { Profile } from "../api/profiles";
import { LockIcon } from "./lock-icon";
import { lockPassword } from "./lock-password";
import { SetPinForm } from "./set-pin-form";

interface ProfileLockEditorProps {
  profile: Profile;
  /** The main profile: its PIN is the one asked for when adding profiles. */
  isMain: boolean;
  requirePinToAddProfiles: boolean;
  /** After a change: the page loads the profiles (and the account's setting) again. */
  onChanged(): Promise<void>;
}

export function ProfileLockEditor({ profile, isMain, requirePinToAddProfiles, onChanged }: ProfileLockEditorProps) {
  const t = useT();
  const headingId = useId();
  const [setting, setSetting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [removing, setRemoving] = useState(false);

  const lockButtonId = `lock-${profile.id}`;
  const changeButtonId = `change-pin-${profile.id}`;
  // Where focus goes once the button for the new state is on the page (after the profiles are
  // loaded again and the form or dialog has closed; while a dialog is open the page is inert).
  const [focusNext, focus] = useState<string>();
  useEffect(() => {
    const target = focusNext ? document.getElementById(focusNext) : null;
    if (!target) return;
    target.focus();
    focus(undefined);
  });

  function startSetting() {
    setNotice(undefined);
    setSetting(true);
  }

  function stopSetting() {
    setSetting(false);
    focus(profile.locked ? changeButtonId : lockButtonId);
  }

  async function saved() {
    const wasLocked = profile.locked;
    await onChanged();
    setNotice(t(wasLocked ? "profiles.profileLock.changed" : "profiles.profileLock.locked", { name: profile.name }));
    setSetting(false);
    focus(changeButtonId);
  }

  /** Throws the API's refusal to the dialog, which says it there. */
  async function remove(currentPassword: string) {
    await removeProfilePin(profile.id, currentPassword);
    // Closed first: the dialog's words must not change while the profiles are read again.
    setRemoving(false);
    await onChanged();
    setNotice(t("profiles.profileLock.removed", { name: profile.name }));
    // Once the dialog has closed: while it is open, the rest of the page is inert.
    focus(lockButtonId);
  }

  return (
    <section className="profile-lock" aria-labelledby={headingId}>
      <h3 id={headingId} className="profile-lock__heading">
        {t("profiles.profileLock.heading")}
      </h3>
      {notice && <Alert tone="success">{notice}</Alert>}
      {profile.locked ? (
        <p className="profile-lock__state">
          <span className="tag tag--lock">
            <LockIcon />
            {t("profiles.profileLock.onTag")}
          </span>
          {t(isMain && requirePinToAddProfiles ? "profiles.profileLock.onStateMain" : "profiles.profileLock.onState", {
            name: profile.name,
          })}
        </p>
      ) : (
        <p className="profile-lock__state">{t("profiles.profileLock.offState", { name: profile.name })}</p>
      )}

      {setting ? (
        <SetPinForm profile={profile} onSaved={saved} onCancel={stopSetting} />
      ) : profile.locked ? (
        <div className="form__actions">
          <button type="button" id={changeButtonId} className="button button--secondary" onClick={startSetting}>
            {t("profiles.profileLock.changePin")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setNotice(undefined);
              setRemoving(true);
            }}
          >
            {t("profiles.profileLock.remove")}
          </button>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" id={lockButtonId} className="button button--secondary" onClick={startSetting}>
            {t("profiles.profileLock.lock")}
          </button>
        </div>
      )}

      <PasswordDialog
        {...lockPassword()}
        open={removing}
        title={t("profiles.profileLock.removeTitle", { name: profile.name })}
        confirmLabel={t("profiles.profileLock.remove")}
        destructive
        busyLabel={t("profiles.profileLock.removing")}
        failed={t("profiles.profileLock.removeFailed")}
        onConfirm={remove}
        onCancel={() => setRemoving(false)}
      >
        <p>{t("profiles.profileLock.removeBody", { name: profile.name })}</p>
        {isMain && requirePinToAddProfiles && <p>{t("profiles.profileLock.removeBodyMain")}</p>}
      </PasswordDialog>
    </section>
  );
}
