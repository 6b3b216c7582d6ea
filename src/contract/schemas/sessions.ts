// The devices signed in to an account.
import { z } from "zod";
import { deviceKind, timestamp } from "./common";

export const publicSession = z.object({
  id: z.string(),
  deviceKind,
  deviceName: z.string(),
  profileId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: timestamp,
  lastActiveAt: timestamp,
  current: z.boolean(),
});
export type PublicSession = z.infer<typeof publicSession>;

export const sessionListResponse = z.object({ sessions: z.array(publicSession) });

export const signOutAllResponse = z.object({ signedOutDevices: z.number().int() });
