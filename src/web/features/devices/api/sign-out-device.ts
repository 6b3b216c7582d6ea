// Sign out one device from the list (this one included), or every device but this one.
import type { z } from "zod";
import type { signOutAllResponse } from "../../../../contract/schemas/sessions";
import { api } from "../../../lib/api-client";

/** 204 when signed out; SESSION_NOT_FOUND when the device is no longer signed in to the account. */
export const signOutDevice = (sessionId: string): Promise<void> =>
  api<void>("DELETE", `/sessions/${encodeURIComponent(sessionId)}`);

export const signOutOtherDevices = (): Promise<z.infer<typeof signOutAllResponse>> =>
  api<z.infer<typeof signOutAllResponse>>("POST", "/sessions/sign-out-others");
