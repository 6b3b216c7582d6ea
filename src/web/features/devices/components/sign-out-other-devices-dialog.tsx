// The confirmation before Sign out of all other devices: every session of the account but
// this one ends; this device stays signed in and on the page.
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { failureMessage } from "../../../lib/api-client";
import { signOutOtherDevices } from "../api/sign-out-device";

interface SignOutOtherDevicesDialogProps {
  open: boolean;
  onCancel(): void;
  onSignedOut(signedOutDevices: number): void;
}

export function SignOutOtherDevicesDialog({ open, onCancel, onSignedOut }: SignOutOtherDevicesDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      const { signedOutDevices } = await signOutOtherDevices();
      setBusy(false);
      onSignedOut(signedOutDevices);
    } catch (failure) {
      setBusy(false);
      setError(failureMessage(failure, "Signing out your other devices failed. Please try again."));
    }
  }

  function cancel() {
    setError(undefined);
    onCancel();
  }

  return (
    <ConfirmDialog
      open={open}
      title="Sign out of all other devices?"
      confirmLabel="Sign out"
      busy={busy}
      onConfirm={confirm}
      onCancel={cancel}
    >
      <p>
        Every other browser, phone and TV signed in to this account will be signed out and will need the password to watch
        again. You'll stay signed in on this device.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
