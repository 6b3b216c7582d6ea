// Why the sign-in page is showing: set by whatever sent the user there.
export const signInReasons = {
  "signed-out": "You've signed out.",
  "signed-out-all": "You've signed out of all devices. Sign in again to keep watching.",
  "session-revoked": "You were signed out on this device. Sign in again to keep watching.",
  "session-expired": "Your session has expired. Sign in again to keep watching.",
  "sign-in-required": "Sign in to continue.",
} as const;

export type SignInReason = keyof typeof signInReasons;

export function reasonForLostSession(code: string): SignInReason {
  if (code === "SESSION_REVOKED") return "session-revoked";
  if (code === "SESSION_EXPIRED") return "session-expired";
  return "sign-in-required";
}
