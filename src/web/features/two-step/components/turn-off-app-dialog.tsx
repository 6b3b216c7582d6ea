// The confirmation before turning off the authenticator app, with the offer to sign out the
// other devices (checked by default).
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { failureMessage } from "../../../lib/api-client";
import { disableTotp, type TwoStepChanged } from "../api/totp";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

interface TurnOffAppDialogProps {
  open: boolean;
  /** Passkeys keep two-step verification on without the app. */
  passkeysLeft: number;
  onCancel(): void;
  onTurnedOff(result: TwoStepChanged): void;
}

export function TurnOffAppDialog({ open, passkeysLeft, onCancel, onTurnedOff }: TurnOffAppDialogProps) {
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await disableTotp(signOutOthers);
      setBusy(false);
      onTurnedOff(result);
    } catch (failure) {
      setBusy(false);
      setError(failureMessage(failure, "The authenticator app couldn't be turned off. Please try again."));
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title="Turn off the authenticator app?"
      confirmLabel="Turn off"
      busyLabel="Turning off…"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={() => (setError(undefined), onCancel())}
    >
      <p>
        {passkeysLeft > 0
          ? "Signing in will no longer ask for a code from the app. Your passkeys still keep two-step verification on."
          : "Two-step verification will be off: your password alone will sign in, and your backup codes will stop working."}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
