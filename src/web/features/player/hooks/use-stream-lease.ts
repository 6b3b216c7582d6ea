// The player page's stream: opened when the page shows a title, released when it is left (the
// page unmounts, or the tab is closed or put away), ended at once when the session's live
// events say so. `attempt` starts it afresh (Try again, Play again).
import { useEffect, useState } from "react";
import type { StreamEndedEvent } from "../../../../contract/schemas/sessions";
import { thisBrowser } from "../../../lib/usher";
import { type LeaseState, openStreamLease } from "../stream-lease";

/**
 * Where the player hears its session's live events: the page's one event stream (the session
 * feature's onStreamEnded and onSignedOut), passed in by the page. Each returns its unsubscribe.
 */
export interface LiveEvents {
  onStreamEnded(listener: (event: StreamEndedEvent) => void): () => void;
  onSignedOut(listener: () => void): () => void;
}

export function useStreamLease(titleId: string, attempt: number, restart: () => void, events: LiveEvents): LeaseState {
  const [state, setState] = useState<LeaseState>({ status: "starting" });

  useEffect(() => {
    // `attempt` is what a retry changes: the effect runs again, with a new stream.
    void attempt;
    setState({ status: "starting" });
    const lease = openStreamLease({ titleId, as: thisBrowser, onChange: setState });
    const stopListening = [events.onStreamEnded((event) => lease.streamEnded(event)), events.onSignedOut(() => lease.signedOut())];
    // Closing the tab unmounts nothing: the screen is freed here. A page put in the back/forward
    // cache comes back playing again (pageshow below), with a new stream.
    const leave = () => lease.release();
    window.addEventListener("pagehide", leave);
    return () => {
      for (const stop of stopListening) stop();
      window.removeEventListener("pagehide", leave);
      lease.release();
    };
  }, [titleId, attempt, events]);

  useEffect(() => {
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) restart();
    };
    window.addEventListener("pageshow", back);
    return () => window.removeEventListener("pageshow", back);
  }, [restart]);

  return state;
}
