// Signing out: this device, every device of the account, every device but this one, or one
// device from the list (this one included).
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export const signOut = (): Promise<void> => call(() => usher.POST("/api/v1/auth/sign-out"));

/** Answers how many devices were signed out, this one included. */
export const signOutAllDevices = () => call(() => usher.POST("/api/v1/sessions/sign-out-all"));

/** This device stays signed in. Answers how many others were signed out. */
export const signOutOtherDevices = () => call(() => usher.POST("/api/v1/sessions/sign-out-others"));

/** 204 when signed out; SESSION_NOT_FOUND when the device is no longer signed in to the account. */
export const signOutDevice = (sessionId: string): Promise<void> =>
  call(() => usher.DELETE("/api/v1/sessions/{id}", { params: { path: { id: sessionId } } }));
