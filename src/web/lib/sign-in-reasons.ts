// Why the sign-in page is showing: set by whatever sent the user there.
import { type MessageId, t } from "./i18n";
import { signInReturningTo } from "./return-to";

const reasonMessages = {
  "signed-out": "common.signInReason.signedOut",
  "signed-out-all": "common.signInReason.signedOutAll",
  "session-revoked": "common.signInReason.sessionRevoked",
  "password-changed": "common.signInReason.passwordChanged",
  "signed-out-remotely": "common.signInReason.signedOutRemotely",
  "signed-out-everywhere": "common.signInReason.signedOutEverywhere",
  "session-expired": "common.signInReason.sessionExpired",
  "sign-in-required": "common.signInReason.signInRequired",
  "sign-in-for-tv": "common.signInReason.signInForTv",
  "sign-in-to-secure": "common.signInReason.signInToSecure",
  "revoked-by-support": "common.signInReason.revokedBySupport",
  "account-locked": "common.signInReason.accountLocked",
  "account-deleted": "common.signInReason.accountDeleted",
  // This browser deleted it (Account → Delete account); other devices learn it as "account-deleted".
  "deleted-account": "common.signInReason.deletedAccount",
} as const satisfies Record<string, MessageId>;

export type SignInReason = keyof typeof reasonMessages;

export function isSignInReason(value: string): value is SignInReason {
  return Object.hasOwn(reasonMessages, value);
}

/** The reason's sentence in the shown language. */
export function signInReasonText(reason: SignInReason): string {
  return t(reasonMessages[reason]);
}

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
