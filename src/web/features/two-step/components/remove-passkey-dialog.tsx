// The confirmation before removing a passkey, with the offer to sign out the other devices.
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { type Passkey, removePasskey } from "../api/passkeys";
import type { TwoStepChanged } from "../api/totp";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

interface RemovePasskeyDialogProps {
  passkey: Passkey | undefined;
  /** Whether two-step verification ends with it (no app, no other passkey). */
  isLastFactor: boolean;
  onCancel(): void;
  onRemoved(passkey: Passkey, result: TwoStepChanged): void;
}

export function RemovePasskeyDialog({ passkey, isLastFactor, onCancel, onRemoved }: RemovePasskeyDialogProps) {
  const [signOutOthers, setSignOutOthers] = useState(true);
  return (
    <ConfirmDialog
      open={passkey !== undefined}
      title={`Remove ${passkey?.name ?? "this passkey"}?`}
      confirmLabel="Remove"
      destructive
      busyLabel="Removing…"
      failed="The passkey couldn't be removed. Please try again."
      onConfirm={async () => {
        if (passkey) onRemoved(passkey, await removePasskey(passkey.id, signOutOthers));
      }}
      onCancel={onCancel}
    >
      <p>
        {isLastFactor
          ? "It won't sign you in any more, and two-step verification will be off: your password alone will sign in."
          : "It won't sign you in any more. You can add it again later."}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
