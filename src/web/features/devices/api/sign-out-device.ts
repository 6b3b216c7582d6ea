// Sign out one device from the list (this one included), or every device but this one.
import type { z } from "zod";
import type { signOutAllResponse } from "../../../../contract/schemas/sessions";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

/** 204 when signed out; SESSION_NOT_FOUND when the device is no longer signed in to the account. */
export const signOutDevice = (sessionId: string): Promise<void> =>
  call(() => usher.DELETE("/api/v1/sessions/{id}", { params: { path: { id: sessionId } } }));

export const signOutOtherDevices = (): Promise<z.infer<typeof signOutAllResponse>> =>
  call(() => usher.POST("/api/v1/sessions/sign-out-others"));
