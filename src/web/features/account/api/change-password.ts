// Change password: the current one proves it's you; other devices can be made to sign in again.
import type { ChangePasswordRequest } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

/** Resolves with how many other devices were signed out. The browser's new cookie comes with the answer. */
export const changePassword = async (request: ChangePasswordRequest): Promise<number> =>
  (await call(() => usher.POST("/api/v1/account/password", { body: request }))).signedOutOtherDevices;
