// The signed-in session's event stream (GET /sessions/events): `signed-out` arrives when this
// session is revoked (on any device, on any node) or expires; `stream-ended` when one of this
// device's streams is ended from elsewhere. One stream per page (use-live-sign-out.ts opens it);
// a player hears it through onStreamEnded and onSignedOut instead of opening its own.
import type { StreamEndedEvent } from "../../../../contract/schemas/sessions";
import { sessionEventNames } from "../../../../contract/session-event-names";
import { requestsSettled } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import { getMe } from "./get-me";

export const SESSION_EVENTS_URL = "/api/v1/sessions/events";
export { readSignedOutEvent, readStreamEndedEvent } from "./read-session-events";
export { sessionEventNames };

type Listener<T> = (event: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    /** Returns the unsubscribe. */
    listen(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce(event: T): void {
      for (const listener of [...listeners]) listener(event);
    },
  };
}

const streamEnded = channel<StreamEndedEvent>();
const signedOut = channel<void>();

/** Hears every `stream-ended` of this page's event stream; returns the unsubscribe. */
export const onStreamEnded = streamEnded.listen;
export const announceStreamEnded = streamEnded.announce;

/**
 * Hears that this browser was signed out (once use-live-sign-out.ts has made sure no newer
 * session replaced the one that ended); returns the unsubscribe.
 */
export const onSignedOut = (listener: () => void): (() => void) => signedOut.listen(listener);
export const announceSignedOut = (): void => signedOut.announce();

/** Lets a password change made in another tab of this browser land its new cookie first. */
const SETTLE_MS = 100;

/**
 * Whether this browser is still signed in, whatever session its stream was opened with: a
 * password change made here, or a sign-in in another tab, hands it a new one. Asked only once
 * this page's own requests are answered: asked with the old cookie, the refusal would clear
 * the new one.
 */
export async function browserStillSignedIn(): Promise<boolean> {
  await requestsSettled();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await requestsSettled();
  try {
    // Not signed in is the answer here, not a lost session to leave the page for.
    await getMe({ client: usher, options: { signedIn: false } });
    return true;
  } catch {
    return false;
  }
}
