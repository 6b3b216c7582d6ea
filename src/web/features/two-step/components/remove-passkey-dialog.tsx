// The confirmation before removing a passkey, with the offer to sign out the other devices.
import { useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { failureMessage } from "../../../lib/api-client";
import { removePasskey, type Passkey } from "../api/passkeys";
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    if (!passkey) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await removePasskey(passkey.id, signOutOthers);
      setBusy(false);
      onRemoved(passkey, result);
    } catch (failure) {
      setBusy(false);
      setError(failureMessage(failure, "The passkey couldn't be removed. Please try again."));
    }
  }

  return (
    <ConfirmDialog
      open={passkey !== undefined}
      title={`Remove ${passkey?.name ?? "this passkey"}?`}
      confirmLabel="Remove"
      busyLabel="Removing…"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={() => (setError(undefined), onCancel())}
    >
      <p>
        {isLastFactor
          ? "It won't sign you in any more, and two-step verification will be off: your password alone will sign in."
          : "It won't sign you in any more. You can add it again later."}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
