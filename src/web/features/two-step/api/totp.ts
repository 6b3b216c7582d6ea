// The authenticator app: set up (QR code and secret), turn on with a code, turn off; and a
// new set of backup codes. Each is a sensitive change: the API may ask to confirm it's you.
import type { z } from "zod";
import type { backupCodesResponse, totpSetupResponse, twoStepChangedResponse } from "../../../../contract/schemas/two-step";
import { api } from "../../../lib/api-client";

export type TotpSetup = z.infer<typeof totpSetupResponse>;
export type TwoStepChanged = z.infer<typeof twoStepChangedResponse>;

export const startTotpSetup = (): Promise<TotpSetup> => api<TotpSetup>("POST", "/account/two-step/totp/setup");

export const enableTotp = (code: string, signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  api<TwoStepChanged>("POST", "/account/two-step/totp/enable", { code, signOutOtherDevices });

export const disableTotp = (signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  api<TwoStepChanged>("POST", "/account/two-step/totp/disable", { signOutOtherDevices });

export const newBackupCodes = async (): Promise<string[]> =>
  (await api<z.infer<typeof backupCodesResponse>>("POST", "/account/two-step/backup-codes")).backupCodes;
