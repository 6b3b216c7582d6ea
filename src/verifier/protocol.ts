// The session-change subscription between Usher and a platform service's verifier: JSON text
// frames over one WebSocket at /oauth/session-changes, opened with the service client's HTTP
// Basic credentials. See LEASES.md for why each message is what it is.
//
// Only durations cross the wire, never a wall-clock time: each side measures its own share of
// a lease on its own monotonic clock.

/** Where a verifier subscribes, under Usher's URL. */
export const SUBSCRIPTION_PATH = "oauth/session-changes";

/** Usher → verifier. */
export type UsherMessage =
  /** The subscription is open. The verifier's cache starts empty; `entryMs` bounds how long an
   *  answer is used (Usher's last-seen touch interval), `renewMs` is how often to renew. */
  | { type: "hello"; entryMs: number; renewMs: number }
  /** Something about this account's sessions changed (the n-th change pushed on this
   *  subscription, counting from 1): drop its answers, then acknowledge n. */
  | { type: "change"; n: number; account: string }
  /** The answer to renewal `id`: the cache may be used for `ms` from when that renewal was sent
   *  (0: not renewed). A new `epoch` means changes may have been missed: empty the cache first. */
  | { type: "lease"; id: number; ms: number; epoch: string };

/** Verifier → Usher. */
export type VerifierMessage =
  /** Every change up to and including n is applied. */
  | { type: "ack"; n: number }
  /** Asks for a lease; `applied` is the last change applied (0 before any). */
  | { type: "renew"; id: number; applied: number };

/** The close code Usher uses when it refuses or ends a subscription because it cannot hear changes itself. */
export const CLOSE_NOT_LISTENING = 1013;

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a change could name this account id (an answer for one no change can name is never cached). */
export const isAccountId = (value: string): boolean => ACCOUNT_ID.test(value);

/** Parses one frame from Usher; null for anything that is not a well-formed message. */
export function parseUsherMessage(text: string): UsherMessage | null {
  const message = parseObject(text);
  switch (message?.type) {
    case "hello":
      return isCount(message.entryMs) && isCount(message.renewMs) && message.renewMs > 0
        ? { type: "hello", entryMs: message.entryMs, renewMs: message.renewMs }
        : null;
    case "change":
      return isCount(message.n) && message.n > 0 && typeof message.account === "string" && ACCOUNT_ID.test(message.account)
        ? { type: "change", n: message.n, account: message.account }
        : null;
    case "lease":
      return isCount(message.id) && isCount(message.ms) && typeof message.epoch === "string" && message.epoch.length <= 64
        ? { type: "lease", id: message.id, ms: message.ms, epoch: message.epoch }
        : null;
    default:
      return null;
  }
}

/** Parses one frame from a verifier; null for anything that is not a well-formed message. */
export function parseVerifierMessage(text: string): VerifierMessage | null {
  const message = parseObject(text);
  switch (message?.type) {
    case "ack":
      return isCount(message.n) ? { type: "ack", n: message.n } : null;
    case "renew":
      return isCount(message.id) && isCount(message.applied) ? { type: "renew", id: message.id, applied: message.applied } : null;
    default:
      return null;
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  if (text.length > 1_024) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
