// Whether two-step verification is on, for the review step's line ("is on, with an
// authenticator app and 1 passkey").
import type { z } from "zod";
import type { securityResponse } from "../../../contract/schemas/two-step";
import { t } from "../../lib/i18n";

export type TwoStepStatus = z.infer<typeof securityResponse>["twoStep"];

export function describeTwoStep(status: TwoStepStatus): string {
  if (!status.enabled) return t("auth.describeTwoStep.off");
  const count = status.passkeys;
  if (status.totp) return count > 0 ? t("auth.describeTwoStep.onWithAppAndPasskeys", { count }) : t("auth.describeTwoStep.onWithApp");
  return count > 0 ? t("auth.describeTwoStep.onWithPasskeys", { count }) : t("auth.describeTwoStep.on");
}
