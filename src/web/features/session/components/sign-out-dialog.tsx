// The confirmation before signing out: of this device, of every device, of every device but
// this one, or of one device from the list. Its button says "Sign out", as the guides
// customers know describe it. Signing this device out ends on the sign-in page.
import { useNavigate } from "react-router";
import type { PublicSession } from "../../../../contract/schemas/sessions";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { ApiError } from "../../../lib/api-client";
import { t, useT } from "../../../lib/i18n";
import type { SignInReason } from "../../../lib/sign-in-reasons";
import { signOut, signOutAllDevices, signOutDevice, signOutOtherDevices } from "../api/sign-out";

export type SignOutScope = "this-device" | "all-devices" | "other-devices" | { device: PublicSession };

interface SignOutDialogProps {
  /** What to sign out of; none while the dialog is closed. */
  scope: SignOutScope | undefined;
  onClose(): void;
  /** Other devices were signed out: how many (for one device from the list, 0 when it had gone already). */
  onSignedOut?(signedOutOtherDevices: number): unknown;
}

/** What the dialog says for each scope, and what it says when signing out fails. */
function wordsFor(scope: SignOutScope | undefined): { title: string; text: string; failed: string } {
  if (scope === "all-devices") {
    return {
      title: t("auth.signOutDialog.allTitle"),
      text: t("auth.signOutDialog.allText"),
      failed: t("auth.signOutDialog.failed"),
    };
  }
  if (scope === "other-devices") {
    return {
      title: t("auth.signOutDialog.othersTitle"),
      text: t("auth.signOutDialog.othersText"),
      failed: t("auth.signOutDialog.othersFailed"),
    };
  }
  if (typeof scope === "object") {
    const { device } = scope;
    // This device is "this browser" on the web, as its row in the device list says.
    const currentTitle = device.deviceKind === "web" ? "auth.signOutDialog.thisBrowserTitle" : "auth.signOutDialog.thisDeviceTitle";
    return {
      title: device.current ? t(currentTitle) : t("auth.signOutDialog.deviceTitle", { device: device.deviceName }),
      text: t(device.current ? "auth.signOutDialog.thisDeviceText" : "auth.signOutDialog.deviceText"),
      failed: t("auth.signOutDialog.deviceFailed"),
    };
  }
  return {
    title: t("auth.signOutDialog.usherTitle"),
    text: t("auth.signOutDialog.thisDeviceText"),
    failed: t("auth.signOutDialog.failed"),
  };
}

export function SignOutDialog({ scope, onClose, onSignedOut }: SignOutDialogProps) {
  const t = useT();
  const navigate = useNavigate();
  const { title, text, failed } = wordsFor(scope);
  const toSignIn = (reason: SignInReason) => navigate(`/sign-in?reason=${reason}`, { replace: true });

  async function confirm() {
    if (scope === "this-device") {
      await signOut();
      return toSignIn("signed-out");
    }
    if (scope === "all-devices") {
      await signOutAllDevices();
      return toSignIn("signed-out-all");
    }
    if (scope === "other-devices") return onSignedOut?.((await signOutOtherDevices()).signedOutOtherDevices);
    if (!scope) return;
    try {
      await signOutDevice(scope.device.id);
    } catch (failure) {
      // Signed out already (elsewhere, or it expired) by the time Sign out was confirmed.
      if (failure instanceof ApiError && failure.code === "SESSION_NOT_FOUND") return onSignedOut?.(0);
      throw failure;
    }
    return scope.device.current ? toSignIn("signed-out") : onSignedOut?.(1);
  }

  return (
    <ConfirmDialog
      open={scope !== undefined}
      title={title}
      confirmLabel={t("auth.signOutDialog.confirm")}
      busyLabel={t("auth.signOutDialog.busy")}
      failed={failed}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>{text}</p>
    </ConfirmDialog>
  );
}
