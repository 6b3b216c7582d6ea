// Two-step verification's state in words, as the account page and the two-step page say it.
import type { Security } from "./api/security";

export const passkeyCount = (count: number): string => `${count} passkey${count === 1 ? "" : "s"}`;

export const backupCodesLeft = (count: number): string =>
  count === 0 ? "No backup codes left" : `${count} backup code${count === 1 ? "" : "s"} left`;

/** "Authenticator app and 2 passkeys · 8 backup codes left", or why to turn it on. */
export function describeTwoStep(twoStep: Security["twoStep"]): string {
  if (!twoStep.enabled)
    return twoStep.passkeys > 0
      ? "Off. Ask for a passkey after your password, or add an authenticator app, so a stolen password isn't enough to sign in."
      : "Off. Add an authenticator app or a passkey, so a stolen password isn't enough to sign in.";
  const factors = [twoStep.totp ? "Authenticator app" : "", twoStep.passkeyStep ? passkeyCount(twoStep.passkeys) : ""].filter(Boolean);
  return `On with ${factors.join(" and ")} · ${backupCodesLeft(twoStep.backupCodesLeft)}.`;
}

/** "2 other devices were signed out." after a change that offered it. */
export function signedOutNotice(count: number): string {
  if (count === 0) return "";
  return count === 1 ? " 1 other device was signed out." : ` ${count} other devices were signed out.`;
}
