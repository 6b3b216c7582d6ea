// A player's hold on one screen, from start to end, free of React: it starts the stream (or
// hears that the plan is full, or that the profile may not watch the title), sends a heartbeat
// every `heartbeatMs` while it plays, and says why it ended, whether a heartbeat heard it (410
// STREAM_ENDED), the session's live events did (stream-ended, signed out), or the player was
// left (then it frees the screen itself).
//
// Pausing does not release anything: a paused player still holds its screen and keeps sending
// heartbeats, as the big services do, so whoever paused can resume without being refused.

import type { StreamEndedEvent } from "../../../contract/schemas/sessions";
import { streamEndReasons } from "../../../contract/session-event-names";
import { ApiError, failureMessage, isSessionLost } from "../../lib/api-client";
import { t } from "../../lib/i18n";
import type { Caller } from "../../lib/usher";
import { heartbeatStream } from "./api/heartbeat-stream";
import { startStream, type WatchingNow } from "./api/start-stream";
import { stopStream } from "./api/stop-stream";

export type EndReason = StreamEndedEvent["reason"];

export type LeaseState =
  | { status: "starting" }
  | { status: "playing"; streamId: string; heartbeatMs: number }
  | { status: "too-many"; watching: WatchingNow[] }
  /** The profile may not watch the title: its maturity rating or parental controls keep it out. */
  | { status: "restricted" }
  | { status: "ended"; reason: EndReason }
  | { status: "failed"; message: string };

/** Runs `run` in `ms`; answers the cancel. The player's default is setTimeout. */
export type Schedule = (run: () => void, ms: number) => () => void;

const afterTimeout: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface StreamLease {
  /** A `stream-ended` event of this page's event stream: ends the lease if it is its stream. */
  streamEnded(event: StreamEndedEvent): void;
  /** This browser was signed out: its streams ended with its session. */
  signedOut(): void;
  /** The player is left: frees the screen if it still holds one, and stops heartbeating. */
  release(): void;
}

/** Every reason the contract names: one it adds is heard here without a change. */
const endReasons: readonly EndReason[] = streamEndReasons;

/** Why a refused heartbeat means the stream is over, or undefined when it may be sent again. */
export function endedBy(error: unknown): EndReason | undefined {
  if (isSessionLost(error)) return "signed_out";
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === "STREAM_ENDED") return endReasons.find((reason) => reason === error.reason) ?? "stopped";
  // The stream is not this device's any more (another tab of this browser took it over).
  if (error.code === "STREAM_NOT_FOUND") return "stopped";
  return undefined;
}

/**
 * Starts one at a time: a device's start ends its other streams, so a player left while
 * starting (a quick Back and Play again, React's development double mount) must have its
 * stream before the next player asks for one, or the newer player's could be the one ended.
 */
let earlierStarts: Promise<unknown> = Promise.resolve();
function afterEarlierStarts<T>(start: () => Promise<T>): Promise<T> {
  const next = earlierStarts.then(start);
  earlierStarts = next.catch(() => undefined);
  return next;
}

export function openStreamLease(options: {
  titleId: string;
  as: Caller;
  onChange(state: LeaseState): void;
  schedule?: Schedule;
}): StreamLease {
  const { titleId, as, onChange, schedule = afterTimeout } = options;
  let state: LeaseState = { status: "starting" };
  let released = false;
  let cancelBeat: (() => void) | undefined;

  const set = (next: LeaseState) => {
    state = next;
    if (!released) onChange(next);
  };
  const end = (reason: EndReason) => {
    cancelBeat?.();
    set({ status: "ended", reason });
  };

  const beatIn = (streamId: string, ms: number) => {
    cancelBeat = schedule(() => {
      heartbeatStream(streamId, as).then(
        (answer) => {
          if (isLive(streamId)) beatIn(streamId, answer.heartbeatMs);
        },
        (error: unknown) => {
          if (!isLive(streamId)) return;
          const reason = endedBy(error);
          // A lost connection or a fault: the next heartbeat tries again, and the server says
          // "expired" if the screen was freed meanwhile.
          if (reason) end(reason);
          else beatIn(streamId, ms);
        },
      );
    }, ms);
  };
  const isLive = (streamId: string) => !released && state.status === "playing" && state.streamId === streamId;

  afterEarlierStarts(() => startStream(titleId, as)).then(
    (answer) => {
      // Left (or signed out) while it was starting: a screen it was given is freed at once.
      if (released || state.status !== "starting") {
        if (answer.ok) void stopStream(answer.started.stream.id, as).catch(() => undefined);
        return;
      }
      if (!answer.ok) {
        return set(answer.code === "TOO_MANY_STREAMS" ? { status: "too-many", watching: answer.watching } : { status: "restricted" });
      }
      const { stream, heartbeatMs } = answer.started;
      set({ status: "playing", streamId: stream.id, heartbeatMs });
      beatIn(stream.id, heartbeatMs);
    },
    (error: unknown) => {
      if (state.status !== "starting") return;
      if (isSessionLost(error)) return set({ status: "ended", reason: "signed_out" });
      set({ status: "failed", message: failureMessage(error, t("watching.player.playFailed")) });
    },
  );

  return {
    streamEnded(event) {
      if (state.status === "playing" && state.streamId === event.streamId) end(event.reason);
    },
    signedOut() {
      if (state.status === "playing" || state.status === "starting") end("signed_out");
    },
    release() {
      if (released) return;
      cancelBeat?.();
      if (state.status === "playing") void stopStream(state.streamId, as).catch(() => undefined);
      released = true;
    },
  };
}
