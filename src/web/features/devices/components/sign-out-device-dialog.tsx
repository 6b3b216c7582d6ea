// The confirmation before signing out one device from the list. Its button says "Sign out",
// like every sign-out confirmation in the app.
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { ApiError, failureMessage } from "../../../lib/api-client";
import type { Device } from "../api/list-sessions";
import { signOutDevice } from "../api/sign-out-device";

interface SignOutDeviceDialogProps {
  /** The device to sign out; none while the dialog is closed. */
  device: Device | undefined;
  onCancel(): void;
  onSignedOut(device: Device): void;
  /** It was signed out already (elsewhere, or it expired) by the time Sign out was confirmed. */
  onAlreadyGone(device: Device): void;
}

export function SignOutDeviceDialog({ device, onCancel, onSignedOut, onAlreadyGone }: SignOutDeviceDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    if (!device) return;
    setBusy(true);
    setError(undefined);
    try {
      await signOutDevice(device.id);
      setBusy(false);
      onSignedOut(device);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.code === "SESSION_NOT_FOUND") onAlreadyGone(device);
      else setError(failureMessage(failure, "Signing out that device failed. Please try again."));
    }
  }

  function cancel() {
    setError(undefined);
    onCancel();
  }

  return (
    <ConfirmDialog
      open={device !== undefined}
      title={device?.current ? "Sign out of this device?" : `Sign out ${device?.deviceName ?? "this device"}?`}
      confirmLabel="Sign out"
      busy={busy}
      onConfirm={confirm}
      onCancel={cancel}
    >
      {device?.current ? (
        <p>You'll need your email and password to sign in again on this device.</p>
      ) : (
        <p>
          Whoever is using it will be signed out at their next step and will need the password to watch on it again. Your
          other devices stay signed in.
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
