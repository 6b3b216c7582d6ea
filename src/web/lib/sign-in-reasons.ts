// Why the sign-in page is showing: set by whatever sent the user there.
import { signInReturningTo } from "./return-to";
export const signInReasons = {
  "signed-out": "You've signed out.",
  "signed-out-all": "You've signed out of all devices. Sign in again to keep watching.",
  "session-revoked": "You were signed out on this device. Sign in again to keep watching.",
  "password-changed": "Your account's password was changed, so you were signed out on this device. Sign in with the new password.",
  "signed-out-remotely": "This device was signed out from another device on your account. Sign in again to keep watching.",
  "signed-out-everywhere": "Your account was signed out of all devices, including this one. Sign in again to keep watching.",
  "session-expired": "Your session has expired. Sign in again to keep watching.",
  "sign-in-required": "Sign in to continue.",
  "sign-in-for-tv": "Sign in to your Usher account to finish signing in on your TV.",
  "sign-in-to-secure": "Sign in to secure your account. If your password no longer works, use Forgot password? below the form.",
  "revoked-by-support": "Usher support signed this device out. Sign in again to keep watching.",
  "account-locked": "Your account was locked by Usher support, so every device was signed out. Contact Usher support to unlock it.",
  "account-deleted": "This account was deleted.",
  // This browser deleted it (Account → Delete account); other devices learn it as "account-deleted".
  "deleted-account": "Your account was deleted. A confirmation email is on its way.",
} as const;

export type SignInReason = keyof typeof signInReasons;

/** The notice for a request that found its session gone. */
export function reasonForLostSession({ code, reason }: { code: string; reason?: string | undefined }): SignInReason {
  if (code === "SESSION_REVOKED") {
    if (reason === "password_changed") return "password-changed";
    if (reason === "signed_out_all_devices") return "signed-out-everywhere";
    if (reason === "signed_out_by_other_device") return "signed-out-remotely";
    if (reason === "revoked_by_support") return "revoked-by-support";
    if (reason === "account_locked") return "account-locked";
    if (reason === "account_deleted") return "account-deleted";
    return "session-revoked";
  }
  if (code === "SESSION_EXPIRED") return "session-expired";
  return "sign-in-required";
}

/**
 * Pages a visitor comes back to after signing in, rather than going to the profiles, and what
 * the sign-in page tells a visitor who wasn't signed in at all.
 */
const RETURNS_AFTER_SIGN_IN: Record<string, SignInReason> = { "/tv": "sign-in-for-tv", "/secure-account": "sign-in-to-secure" };

/** Where a request that found its session gone sends the user from `path` (pathname and query). */
export function signInPageFor(lost: { code: string; reason?: string | undefined }, path: string): string {
  const reason = reasonForLostSession(lost);
  const returning = RETURNS_AFTER_SIGN_IN[path.split("?")[0]!];
  if (!returning) return `/sign-in?reason=${reason}`;
  return signInReturningTo(path, `reason=${reason === "sign-in-required" ? returning : reason}`);
}
