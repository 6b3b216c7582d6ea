// Account → Security & Privacy's state: two-step verification, passkeys, backup codes left,
// and the account's "Require PIN to add new profiles".
import type { z } from "zod";
import type { securityResponse } from "../../../../contract/schemas/two-step";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Security = z.infer<typeof securityResponse>;

export const getSecurity = (): Promise<Security> => call(() => usher.GET("/api/v1/account/security"));

/** Whether "Confirm it's you" may offer a passkey: only when the account has one. */
export async function hasPasskeys(): Promise<boolean> {
  try {
    return (await getSecurity()).twoStep.passkeys > 0;
  } catch {
    return false;
  }
}
