// Account → Download your data and Account → Delete account. Both need a recent proof: answered
// REAUTH_REQUIRED, the API client asks "Confirm it's you" and then sends the request again.
import type { AccountDataResponse } from "../../../../contract/schemas/account-data";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type AccountData = AccountDataResponse;

/** Everything Usher keeps about the account (never a password, a code or a digest of one). */
export const getAccountData = (): Promise<AccountData> => call(() => usher.GET("/api/v1/account/data"));

/** Erases the account and signs out every device, this one included (the answer clears this browser's cookie). */
export const deleteAccount = (): Promise<{ deleted: true; signedOutDevices: number }> => call(() => usher.DELETE("/api/v1/account"));
