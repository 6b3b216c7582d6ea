// Secure your account, first step: every session of the account but this one ends at once.
// This device stays signed in so the owner can finish the other steps here.
import { api } from "../../../lib/api-client";

export const signOutEverywhereElse = async (): Promise<number> =>
  (await api<{ signedOutDevices: number }>("POST", "/sessions/sign-out-others")).signedOutDevices;
