// The confirmation before signing out of this device or of every device. Its button says
// "Sign out", as the guides customers know describe it.
import { useState } from "react";
import { useNavigate } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { failureMessage } from "../../../lib/api-client";
import { signOut, signOutAllDevices } from "../api/sign-out";

export type SignOutScope = "this-device" | "all-devices";

export function SignOutDialog({ scope, open, onClose }: { scope: SignOutScope; open: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await (scope === "all-devices" ? signOutAllDevices() : signOut());
      navigate(`/sign-in?reason=${scope === "all-devices" ? "signed-out-all" : "signed-out"}`, { replace: true });
    } catch (failure) {
      setError(failureMessage(failure, "Signing out failed. Please try again."));
      setBusy(false);
    }
  }

  // A dialog opened again starts afresh, not with the last attempt's error.
  function cancel() {
    setError(undefined);
    onClose();
  }

  return (
    <ConfirmDialog
      open={open}
      title={scope === "all-devices" ? "Sign out of all devices?" : "Sign out of Usher?"}
      confirmLabel="Sign out"
      busy={busy}
      onConfirm={confirm}
      onCancel={cancel}
    >
      {scope === "all-devices" ? (
        <p>
          Every browser, phone and TV signed in to this account will be signed out, including this one. Anyone using them
          will need the password to watch again.
        </p>
      ) : (
        <p>You'll need your email and password to sign in again on this device.</p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
