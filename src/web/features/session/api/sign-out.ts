// Sign out of this device, or of every device of the account.
import { api } from "../../../lib/api-client";

export const signOut = (): Promise<void> => api<void>("POST", "/auth/sign-out");

export const signOutAllDevices = (): Promise<{ signedOutDevices: number }> =>
  api<{ signedOutDevices: number }>("POST", "/sessions/sign-out-all");
