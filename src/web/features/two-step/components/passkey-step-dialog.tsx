// The confirmation before asking for a passkey after the password (two-step verification by
// passkey), or before no longer asking, with the offer to sign out the other devices (checked,
// as for the authenticator app: a device signed in without the new step may be someone else's).
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useT } from "../../../lib/i18n";
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
  const t = useT();
  const [signOutOthers, setSignOutOthers] = useState(true);
  const on = turning === "on";
  return (
    <ConfirmDialog
      open={turning !== undefined}
      title={on ? t("devices.passkeyStep.titleOn") : t("devices.passkeyStep.titleOff")}
      confirmLabel={on ? t("devices.passkeyStep.confirmOn") : t("devices.passkeyStep.confirmOff")}
      busyLabel={on ? t("devices.passkeyStep.busyOn") : t("devices.passkeyStep.busyOff")}
      failed={t("devices.passkeyStep.failed")}
      onConfirm={async () => onChanged(await setPasskeyStep(on, signOutOthers))}
      onCancel={onCancel}
    >
      <p>
        {on
          ? t("devices.passkeyStep.turningOn")
          : hasApp
            ? t("devices.passkeyStep.turningOffWithApp")
            : t("devices.passkeyStep.turningOffWithoutApp")}
      </p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
