// The session event stream's data, read without trusting it: an event the page can't read
// still means what its name says (signed out), or is left to the player's next heartbeat.

import type { SignedOutEvent, StreamEndedEvent } from "../../../../contract/schemas/sessions";
import { streamEndReasons } from "../../../../contract/session-event-names";

/** The event's data; an unreadable one still means this session is over. */
export function readSignedOutEvent(data: unknown): SignedOutEvent {
  try {
    const parsed = JSON.parse(String(data)) as Partial<SignedOutEvent>;
    if ((parsed.code === "SESSION_REVOKED" || parsed.code === "SESSION_EXPIRED") && typeof parsed.reason === "string") {
      return { code: parsed.code, reason: parsed.reason };
    }
  } catch {
    // fall through
  }
  return { code: "SESSION_REVOKED", reason: "signed_out" };
}

/** Every reason the contract names, "restricted" (parental controls) among them. */
const knownReasons: readonly string[] = streamEndReasons;

/** The event's data, or undefined when it can't be read (the player's next heartbeat then says why). */
export function readStreamEndedEvent(data: unknown): StreamEndedEvent | undefined {
  try {
    const { streamId, titleId, reason } = JSON.parse(String(data)) as Partial<Record<keyof StreamEndedEvent, unknown>>;
    if (typeof streamId === "string" && typeof titleId === "string" && typeof reason === "string" && knownReasons.includes(reason)) {
      return { streamId, titleId, reason: reason as StreamEndedEvent["reason"] };
    }
  } catch {
    // fall through
  }
  return undefined;
}
