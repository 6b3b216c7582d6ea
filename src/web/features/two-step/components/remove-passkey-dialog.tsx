// The confirmation before removing a passkey, with the offer to sign out the other devices.
import { useState } from "react";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useT } from "../../../lib/i18n";
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
  const t = useT();
  const [signOutOthers, setSignOutOthers] = useState(true);
  return (
    <ConfirmDialog
      open={passkey !== undefined}
      title={passkey ? t("devices.removePasskey.title", { name: passkey.name }) : t("devices.removePasskey.titleUnnamed")}
      confirmLabel={t("devices.removePasskey.confirm")}
      destructive
      busyLabel={t("devices.removePasskey.busy")}
      failed={t("devices.removePasskey.failed")}
      onConfirm={async () => {
        if (passkey) onRemoved(passkey, await removePasskey(passkey.id, signOutOthers));
      }}
      onCancel={onCancel}
    >
      <p>{isLastFactor ? t("devices.removePasskey.lastFactor") : t("devices.removePasskey.notLastFactor")}</p>
      <SignOutOthersCheckbox checked={signOutOthers} onChange={setSignOutOthers} />
    </ConfirmDialog>
  );
}
