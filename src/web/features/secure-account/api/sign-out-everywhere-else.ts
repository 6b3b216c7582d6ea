// Secure your account, first step: every session of the account but this one ends at once.
// This device stays signed in so the owner can finish the other steps here.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export const signOutEverywhereElse = async (): Promise<number> =>
  (await call(() => usher.POST("/api/v1/sessions/sign-out-others"))).signedOutDevices;
