// The confirmation before turning off the authenticator app, with the offer to sign out the
// other devices (checked by default).
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useT } from "../../../lib/i18n";
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
  const t = useT();
  const [signOutOthers, setSignOutOthers] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      title={t("devices.turnOffApp.title")}
      confirmLabel={t("devices.turnOffApp.confirm")}
      busyLabel={t("devices.turnOffApp.busy")}
      failed={t("devices.turnOffApp.failed")}
      onConfirm={async () => onTurnedOff(await disableTotp(signOutOthers))}
      onCancel={onCancel}
    >
      <p>{passkeysLeft > 0 ? t("devices.turnOffApp.passkeysKeepItOn") : t("devices.turnOffApp.twoStepOff")}</p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
