// The confirmation before signing out: of this device, of every device, of every device but
// this one, or of one device from the list. Its button says "Sign out", as the guides
// customers know describe it. Signing this device out ends on the sign-in page.
import { useNavigate } from "react-router";
import type { PublicSession } from "../../../../contract/schemas/sessions";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { ApiError } from "../../../lib/api-client";
import type { SignInReason } from "../../../lib/sign-in-reasons";
import { signOutHereLabel } from "../../../lib/sign-out-here";
import { signOut, signOutAllDevices, signOutDevice, signOutOtherDevices } from "../api/sign-out";

export type SignOutScope = "this-device" | "all-devices" | "other-devices" | { device: PublicSession };

interface SignOutDialogProps {
  /** What to sign out of; none while the dialog is closed. */
  scope: SignOutScope | undefined;
  onClose(): void;
  /** Other devices were signed out: how many (for one device from the list, 0 when it had gone already). */
  onSignedOut?(signedOutOtherDevices: number): unknown;
}

const THIS_DEVICE = "You'll need your email and password to sign in again on this device.";

/** What the dialog says for each scope, and what it says when signing out fails. */
function wordsFor(scope: SignOutScope | undefined): { title: string; text: string; failed: string } {
  if (scope === "all-devices") {
    return {
      title: "Sign out of all devices?",
      text: "Every browser, phone and TV signed in to this account will be signed out, including this one. Anyone using them will need the password to watch again.",
      failed: "Signing out failed. Please try again.",
    };
  }
  if (scope === "other-devices") {
    return {
      title: "Sign out of all other devices?",
      text: "Every other browser, phone and TV signed in to this account will be signed out and will need the password to watch again. You'll stay signed in on this device.",
      failed: "Signing out your other devices failed. Please try again.",
    };
  }
  if (typeof scope === "object") {
    const { device } = scope;
    return {
      title: device.current ? `${signOutHereLabel(device.deviceKind)}?` : `Sign out ${device.deviceName}?`,
      text: device.current
        ? THIS_DEVICE
        : "Whoever is using it will be signed out at their next step and will need the password to watch on it again. Your other devices stay signed in.",
      failed: "Signing out that device failed. Please try again.",
    };
  }
  return { title: "Sign out of Usher?", text: THIS_DEVICE, failed: "Signing out failed. Please try again." };
}

export function SignOutDialog({ scope, onClose, onSignedOut }: SignOutDialogProps) {
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
      confirmLabel="Sign out"
      busyLabel="Signing out…"
      failed={failed}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>{text}</p>
    </ConfirmDialog>
  );
}
