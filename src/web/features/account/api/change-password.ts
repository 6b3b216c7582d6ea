// Change password: the current one proves it's you; other devices can be made to sign in again.
import type { ChangePasswordRequest } from "../../../../contract/schemas/account";
import { api } from "../../../lib/api-client";

/** Resolves with how many other devices were signed out. The browser's new cookie comes with the answer. */
export const changePassword = async (request: ChangePasswordRequest): Promise<number> =>
  (await api<{ signedOutDevices: number }>("POST", "/account/password", request)).signedOutDevices;
