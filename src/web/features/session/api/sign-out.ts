// Sign out of this device, or of every device of the account.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export const signOut = (): Promise<void> => call(() => usher.POST("/api/v1/auth/sign-out"));

export const signOutAllDevices = (): Promise<{ signedOutDevices: number }> =>
  call(() => usher.POST("/api/v1/sessions/sign-out-all"));
