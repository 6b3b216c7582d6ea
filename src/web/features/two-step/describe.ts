// Two-step verification's state in words, as the account page and the two-step page say it.
import { t } from "../../lib/i18n";
import type { Security } from "./api/security";

export const backupCodesLeft = (count: number): string => t("devices.twoStep.backupCodesLeft", { count });

/** "On with Authenticator app and 2 passkeys · 8 backup codes left.", or why to turn it on. */
export function describeTwoStep(twoStep: Security["twoStep"]): string {
  if (!twoStep.enabled) return twoStep.passkeys > 0 ? t("devices.twoStep.describe.offWithPasskeys") : t("devices.twoStep.describe.off");
  const values = { passkeys: twoStep.passkeys, backupCodes: backupCodesLeft(twoStep.backupCodesLeft) };
  if (twoStep.totp && twoStep.passkeyStep) return t("devices.twoStep.describe.onWithAppAndPasskeys", values);
  return twoStep.passkeyStep ? t("devices.twoStep.describe.onWithPasskeys", values) : t("devices.twoStep.describe.onWithApp", values);
}

/** " 2 other devices were signed out." after a change that offered it, to follow the sentence that says the change. */
export function signedOutNotice(count: number): string {
  return count === 0 ? "" : ` ${t("devices.twoStep.signedOutOthers", { count })}`;
}
