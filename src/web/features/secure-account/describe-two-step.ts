// Whether two-step verification is on, for the review step's line ("is on, with an
// authenticator app and 1 passkey").
import type { z } from "zod";
import type { securityResponse } from "../../../contract/schemas/two-step";

export type TwoStepStatus = z.infer<typeof securityResponse>["twoStep"];

export function describeTwoStep(status: TwoStepStatus): string {
  if (!status.enabled) return "Two-step verification is off. Turning it on keeps anyone with your password alone out.";
  const ways = [
    status.totp ? "an authenticator app" : "",
    status.passkeys > 0 ? `${status.passkeys} passkey${status.passkeys === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return `Two-step verification is on, with ${ways.join(" and ")}. Remove anything you don't recognise.`;
}
