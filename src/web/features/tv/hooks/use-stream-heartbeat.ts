// While the player is open the TV keeps its screen with a heartbeat every heartbeatMs (the
// server's answer may change the pace). Paused still counts as watching: a paused stream whose
// heartbeats stopped would lose its screen to another device.
import { useEffect, useRef } from "react";
import { isSessionLost } from "../../../lib/api-client";
import type { Caller } from "../../../lib/usher";
import { heartbeatTvStream, type StreamEndReason } from "../api/tv-streams";

export interface HeartbeatOutcomes {
  onEnded(reason: StreamEndReason): void;
  onSignedOut(): void;
}

export function useStreamHeartbeat(tv: Caller, stream: { id: string; heartbeatMs: number }, on: HeartbeatOutcomes): void {
  const latest = useRef(on);
  useEffect(() => {
    latest.current = on;
  });

  const { id, heartbeatMs } = stream;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const beatAfter = (ms: number) => {
      timer = setTimeout(async () => {
        let next = ms;
        try {
          const answer = await heartbeatTvStream(tv, id);
          if (stopped) return;
          if (!answer.ok) return latest.current.onEnded(answer.reason);
          next = answer.heartbeatMs;
        } catch (error) {
          if (stopped) return;
          if (isSessionLost(error)) return latest.current.onSignedOut();
          // Out of reach for a moment: the screen is kept for two intervals, so the next beat may still make it.
        }
        beatAfter(next);
      }, ms);
    };
    beatAfter(heartbeatMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tv, id, heartbeatMs]);
}
