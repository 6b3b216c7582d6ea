// The authenticator app: set up (QR code and secret), turn on with a code, turn off; and a
// new set of backup codes. Each is a sensitive change: the API may ask to confirm it's you.
import type { z } from "zod";
import type { totpSetupResponse, twoStepChangedResponse } from "../../../../contract/schemas/two-step";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type TotpSetup = z.infer<typeof totpSetupResponse>;
export type TwoStepChanged = z.infer<typeof twoStepChangedResponse>;

export const startTotpSetup = (): Promise<TotpSetup> => call(() => usher.POST("/api/v1/account/two-step/totp/setup"));

export const enableTotp = (code: string, signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  call(() => usher.POST("/api/v1/account/two-step/totp/enable", { body: { code, signOutOtherDevices } }));

export const disableTotp = (signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  call(() => usher.POST("/api/v1/account/two-step/totp/disable", { body: { signOutOtherDevices } }));

export const newBackupCodes = async (): Promise<string[]> =>
  (await call(() => usher.POST("/api/v1/account/two-step/backup-codes"))).backupCodes;
