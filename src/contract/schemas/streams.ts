// Watching: starting a stream, keeping it with heartbeats, stopping it, and where an account
// is watching when its plan has no screen free.
import { z } from "zod";
import { titleId } from "./catalogue";
import { deviceKind, text, timestamp } from "./common";
import { errorResponse } from "./error-body";

export const startStreamRequest = z.strictObject({ titleId });

export const streamIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "Not a stream id.") });

export const streamResponse = z.object({
  stream: z.object({ id: z.string(), titleId: z.string(), profileId: z.string().nullable(), startedAt: timestamp }),
  /** Send a heartbeat this often. */
  heartbeatMs: z.number().int(),
  /** Without a heartbeat, the screen is freed at this time. */
  expiresAt: timestamp,
});

export const heartbeatResponse = z.object({ heartbeatMs: z.number().int(), expiresAt: timestamp });

export const watchingNow = z.object({
  device: z.object({ kind: z.string(), name: z.string() }),
  profileName: z.string().nullable(),
  title: z.object({ id: z.string(), name: z.string() }),
  since: timestamp,
});

/** 409 TOO_MANY_STREAMS: every screen of the plan is in use, and these are where. */
export const tooManyStreamsResponse = errorResponse.extend({
  error: errorResponse.shape.error.extend({ watching: z.array(watchingNow) }),
});

/** Recent streaming activity: the last 30 days, newest first, paged by an opaque cursor. */
export const streamingActivityQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page; opaque (any other value is INVALID_CURSOR). */
  cursor: text().max(200).optional(),
});

export const streamingActivityResponse = z.object({
  streams: z.array(
    z.object({
      id: z.string(),
      title: z.object({ id: z.string(), name: z.string() }),
      /** Null when the device had no profile chosen or the profile was deleted since. */
      profileName: z.string().nullable(),
      device: z.object({ kind: deviceKind, name: z.string() }),
      startedAt: timestamp,
      /** Null while it is still playing. */
      endedAt: timestamp.nullable(),
    }),
  ),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
