// Manage profiles → Edit → Profile lock: lock a profile with a 4-digit PIN (entered twice),
// change the PIN, or remove the lock. Each asks for the account password right there, every
// time, however recently it was typed on this device.
import { useEffect, useId, useState, type FormEvent } from "react";
import { Alert } from "../../../components/ui/alert";
import { PinField, pinProblem } from "../../../components/ui/pin-field";
import { PasswordField } from "../../../components/ui/text-field";
import { ApiError, failureMessage } from "../../../lib/api-client";
import { removeProfilePin, setProfilePin } from "../api/profile-lock";
import type { Profile } from "../api/profiles";
import { LockIcon } from "./lock-icon";
import { LockPasswordDialog } from "./lock-password-dialog";

interface ProfileLockEditorProps {
  profile: Profile;
  /** The main profile: its PIN is the one asked for when adding profiles. */
  isMain: boolean;
  requirePinToAddProfiles: boolean;
  /** After a change: the page loads the profiles (and the account's setting) again. */
  onChanged(): Promise<void>;
}

export function ProfileLockEditor({ profile, isMain, requirePinToAddProfiles, onChanged }: ProfileLockEditorProps) {
  const headingId = useId();
  const [setting, setSetting] = useState(false);
  const [pin, setPin] = useState("");
  const [confirmPin, setConfirmPin] = useState("");
  const [pinError, setPinError] = useState<string>();
  const [confirmError, setConfirmError] = useState<string>();
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
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
    setPin("");
    setConfirmPin("");
    setPassword("");
    setPinError(undefined);
    setConfirmError(undefined);
    setPasswordError(undefined);
    setFormError(undefined);
    setSetting(true);
  }

  function stopSetting() {
    setPassword("");
    setSetting(false);
    focus(profile.locked ? changeButtonId : lockButtonId);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const problem = pinProblem(pin);
    const mismatch = !problem && confirmPin !== pin ? "The PINs don't match. Enter the same 4 digits twice." : undefined;
    const noPassword = password ? undefined : "Enter your account password.";
    setPinError(problem);
    setConfirmError(mismatch);
    setPasswordError(noPassword);
    if (problem || mismatch || noPassword) return;
    setBusy(true);
    try {
      const wasLocked = profile.locked;
      await setProfilePin(profile.id, pin, password);
      setPassword("");
      await onChanged();
      setNotice(wasLocked ? `The PIN for ${profile.name} was changed.` : `${profile.name} is locked. Opening it now needs the PIN.`);
      setSetting(false);
      focus(changeButtonId);
    } catch (failure) {
      const message = failureMessage(failure, "Saving the PIN failed. Please try again.");
      if (failure instanceof ApiError && failure.code === "WRONG_PASSWORD") {
        setPassword("");
        setPasswordError(message);
      } else setFormError(message);
    } finally {
      setBusy(false);
    }
  }

  /** Throws the API's refusal to the dialog, which says it there. */
  async function remove(currentPassword: string) {
    await removeProfilePin(profile.id, currentPassword);
    await onChanged();
    setNotice(`The lock on ${profile.name} was removed.`);
    setRemoving(false);
    // After the dialog has closed: while it is open, the rest of the page is inert.
    focus(lockButtonId);
  }

  return (
    <section className="profile-lock" aria-labelledby={headingId}>
      <h3 id={headingId} className="profile-lock__heading">
        Profile lock
      </h3>
      {notice && <Alert tone="success">{notice}</Alert>}
      {profile.locked ? (
        <p className="profile-lock__state">
          <span className="tag tag--lock">
            <LockIcon />
            On
          </span>
          Opening {profile.name} needs its 4-digit PIN.
          {isMain && requirePinToAddProfiles && " Adding a profile asks for it too."}
        </p>
      ) : (
        <p className="profile-lock__state">
          Off: anyone using this account can open {profile.name}. Add a 4-digit PIN to keep it for its owner.
        </p>
      )}

      {setting ? (
        <form className="form profile-lock__form" onSubmit={(event) => void save(event)} noValidate>
          {formError && <Alert tone="error">{formError}</Alert>}
          <PinField
            label={profile.locked ? "New PIN" : "PIN"}
            hint="4 digits. Choose one that's not easy to guess."
            value={pin}
            onValueChange={setPin}
            error={pinError}
            autoFocus
          />
          <PinField label={profile.locked ? "Confirm new PIN" : "Confirm PIN"} value={confirmPin} onValueChange={setConfirmPin} error={confirmError} />
          <PasswordField
            label="Account password"
            hint="Profile locks always ask for it."
            autoComplete="current-password"
            required
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? "Saving…" : "Save PIN"}
            </button>
            <button type="button" className="button button--secondary" onClick={stopSetting} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : profile.locked ? (
        <div className="form__actions">
          <button type="button" id={changeButtonId} className="button button--secondary" onClick={startSetting}>
            Change PIN
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setNotice(undefined);
              setRemoving(true);
            }}
          >
            Remove lock
          </button>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" id={lockButtonId} className="button button--secondary" onClick={startSetting}>
            Lock with a PIN
          </button>
        </div>
      )}

      <LockPasswordDialog
        open={removing}
        title={`Remove the lock from ${profile.name}?`}
        confirmLabel="Remove lock"
        busyLabel="Removing…"
        failedMessage="Removing the lock failed. Please try again."
        onConfirm={remove}
        onCancel={() => setRemoving(false)}
      >
        <p>Anyone using this account will be able to open {profile.name} without a PIN.</p>
        {isMain && requirePinToAddProfiles && <p>Adding a profile will no longer ask for a PIN either.</p>}
      </LockPasswordDialog>
    </section>
  );
}
