// The confirmation before turning off the authenticator app, with the offer to sign out the
// other devices (checked by default).
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
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
  return (
    <ConfirmDialog
      open={open}
      title="Turn off the authenticator app?"
      confirmLabel="Turn off"
      busyLabel="Turning off…"
      failed="The authenticator app couldn't be turned off. Please try again."
      onConfirm={async () => onTurnedOff(await disableTotp(signOutOthers))}
      onCancel={onCancel}
    >
      <p>
        {passkeysLeft > 0
          ? "Signing in will no longer ask for a code from the app. Your passkeys still keep two-step verification on."
          : "Two-step verification will be off: your password alone will sign in, and your backup codes will stop working."}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
