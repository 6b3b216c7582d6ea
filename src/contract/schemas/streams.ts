// Watching: starting a stream, keeping it with heartbeats, stopping it, and where an account
// is watching when its plan has no screen free.
import { z } from "zod";
import { titleId } from "./catalogue";
import { timestamp } from "./common";
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
