// The TV's streams, with its bearer token: take a screen for a title, keep it with heartbeats,
// give it back. A full plan, a title the profile may not watch and an ended stream are answers
// the TV shows, so they come back as values; anything else (the session gone, Usher out of
// reach) is thrown as ApiError.
import type { z } from "zod";
import type { StreamEndedEvent } from "../../../../contract/schemas/sessions";
import type { streamResponse, watchingNow } from "../../../../contract/schemas/streams";
import { streamEndReasons } from "../../../../contract/session-event-names";
import { ApiError, call } from "../../../lib/api-client";
import type { Caller } from "../../../lib/usher";

export type StartedStream = z.infer<typeof streamResponse>;
/** Where the account is watching when the plan has no screen free. */
export type WatchingNow = z.infer<typeof watchingNow>;
export type StreamEndReason = StreamEndedEvent["reason"];

export type StreamStart =
  | { ok: true; started: StartedStream }
  | { ok: false; code: "TOO_MANY_STREAMS"; watching: WatchingNow[] }
  /** The profile's maturity rating or parental controls keep the title out. */
  | { ok: false; code: "TITLE_RESTRICTED" };

export async function startTvStream(tv: Caller, titleId: string): Promise<StreamStart> {
  let watching: WatchingNow[] = [];
  try {
    const started = await call(async () => {
      const answer = await tv.client.POST("/api/v1/streams", { body: { titleId } });
      // call() keeps the code and message; the list of devices is read here.
      const refusal = answer.error?.error;
      if (refusal && "watching" in refusal) watching = refusal.watching;
      return answer;
    }, tv.options);
    return { ok: true, started };
  } catch (error) {
    if (error instanceof ApiError && error.code === "TOO_MANY_STREAMS") return { ok: false, code: "TOO_MANY_STREAMS", watching };
    if (error instanceof ApiError && error.code === "TITLE_RESTRICTED") return { ok: false, code: "TITLE_RESTRICTED" };
    throw error;
  }
}

export type Heartbeat = { ok: true; heartbeatMs: number } | { ok: false; code: "STREAM_ENDED"; reason: StreamEndReason };

/** Every reason the contract names, "restricted" (parental controls) among them. */
const endReasons: ReadonlySet<string> = new Set<StreamEndReason>(streamEndReasons);

export async function heartbeatTvStream(tv: Caller, streamId: string): Promise<Heartbeat> {
  try {
    const { heartbeatMs } = await call(
      () => tv.client.POST("/api/v1/streams/{id}/heartbeat", { params: { path: { id: streamId } } }),
      tv.options,
    );
    return { ok: true, heartbeatMs };
  } catch (error) {
    // A stream this session no longer holds has ended for this TV too.
    if (error instanceof ApiError && error.code === "STREAM_NOT_FOUND") return { ok: false, code: "STREAM_ENDED", reason: "stopped" };
    if (error instanceof ApiError && error.code === "STREAM_ENDED") {
      const reason = error.reason && endReasons.has(error.reason) ? (error.reason as StreamEndReason) : "stopped";
      return { ok: false, code: "STREAM_ENDED", reason };
    }
    throw error;
  }
}

/** Gives the screen back. Best effort: a stream this TV can no longer stop lapses without heartbeats. */
export async function stopTvStream(tv: Caller, streamId: string): Promise<void> {
  await call(() => tv.client.DELETE("/api/v1/streams/{id}", { params: { path: { id: streamId } } }), tv.options).catch(() => undefined);
}
