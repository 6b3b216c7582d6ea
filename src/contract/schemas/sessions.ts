// The devices signed in to an account.
import { z } from "zod";
import { streamEndReasons } from "../session-event-names";
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
  /** What this device is watching right now; null while it watches nothing. */
  watching: z
    .object({
      streamId: z.string(),
      title: z.object({ id: z.string(), name: z.string() }),
      profileName: z.string().nullable(),
      since: timestamp,
    })
    .nullable(),
});
export type PublicSession = z.infer<typeof publicSession>;

export const sessionListResponse = z.object({ sessions: z.array(publicSession) });

/** Signing out of all devices: how many were signed out, this one included. */
export const signedOutDevicesResponse = z.object({ signedOutDevices: z.number().int() });
/** Signing out of all other devices: how many were signed out besides this one. */
export const signedOutOtherDevicesResponse = z.object({ signedOutOtherDevices: z.number().int() });

export { sessionEventNames } from "../session-event-names";

/** `stream-ended`: which of this device's streams ended, and why (as a refused heartbeat says). */
export const streamEndedEvent = z.object({
  streamId: z.string(),
  titleId: z.string(),
  reason: z.enum(streamEndReasons),
});
export type StreamEndedEvent = z.infer<typeof streamEndedEvent>;

const signedOutEvent = z.object({
  code: z.enum(["SESSION_REVOKED", "SESSION_EXPIRED"]),
  reason: z.string(),
});
export type SignedOutEvent = z.infer<typeof signedOutEvent>;
