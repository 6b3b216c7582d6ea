// The confirmation before asking for a passkey after the password (two-step verification by
// passkey), or before no longer asking, with the offer to sign out the other devices (checked,
// as for the authenticator app: a device signed in without the new step may be someone else's).
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { setPasskeyStep } from "../api/passkeys";
import type { TwoStepChanged } from "../api/totp";
import { SignOutOthersCheckbox } from "./sign-out-others-checkbox";

interface PasskeyStepDialogProps {
  /** What the owner is about to choose; closed when undefined. */
  turning: "on" | "off" | undefined;
  /** Whether an authenticator app keeps two-step verification on without the passkeys. */
  hasApp: boolean;
  onCancel(): void;
  onChanged(result: TwoStepChanged): void;
}

export function PasskeyStepDialog({ turning, hasApp, onCancel, onChanged }: PasskeyStepDialogProps) {
  const [signOutOthers, setSignOutOthers] = useState(true);
  const on = turning === "on";
  return (
    <ConfirmDialog
      open={turning !== undefined}
      title={on ? "Ask for a passkey after your password?" : "Stop asking for a passkey?"}
      confirmLabel={on ? "Ask for a passkey" : "Stop asking"}
      busyLabel={on ? "Turning on…" : "Turning off…"}
      failed="That couldn't be changed. Please try again."
      onConfirm={async () => onChanged(await setPasskeyStep(on, signOutOthers))}
      onCancel={onCancel}
    >
      <p>
        {on
          ? "Signing in with your password will also ask for one of your passkeys. You'll get backup codes for when you can't use one."
          : hasApp
            ? "Signing in with your password will ask only for a code from your authenticator app. Your passkeys still sign you in by themselves."
            : "Two-step verification will be off: your password alone will sign in. Your passkeys still sign you in by themselves."}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
