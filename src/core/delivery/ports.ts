// What delivery needs stored: the outbox every email, text and webhook goes through.
import type { Reader } from "./templates/reader";

/** How a message reaches a person. */
export type MessageChannel = "email" | "sms";
/** A webhook message's recipient is the endpoint's id, its template the event type. */
export type OutboxChannel = MessageChannel | "webhook";

export interface OutboxMessageInput {
  channel: OutboxChannel;
  recipient: string;
  /** The account an email or text is about (exported with it, erased with it); never set on webhooks. */
  accountId?: string | null;
  template: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface OutboxMessageRecord extends OutboxMessageInput {
  id: string;
  /** Tries started so far (a claim counts one, so a node dying mid-send still uses one up). */
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
  /** When the message may next be claimed: a lease ahead while claimed, the backoff after a failure. */
  nextAttemptAt: Date;
  /** Set when the bounded number of tries is spent; the message is never tried again. */
  failedAt: Date | null;
}

/** A claimed message, with how its account reads (null when it names none, or none any more). */
export interface ClaimedMessage extends OutboxMessageRecord {
  accountReader: Reader | null;
}

/** After a failed try: try again at `retryAt`, or give up (`failedAt`). */
export type OutboxFailure = { error: string; retryAt: Date } | { error: string; failedAt: Date; redactedPayload?: Record<string, unknown> };

export interface OutboxStore {
  /** Due at once: next_attempt_at is the message's createdAt. */
  enqueue(message: OutboxMessageInput): Promise<void>;
  /**
   * One statement: takes up to `limit` due messages (oldest first) that no other node holds
   * (`FOR UPDATE SKIP LOCKED`), counts a try on each and leases them until `leaseUntil`.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]>;
  /** With `redactedPayload`, the payload is replaced too: its codes and link tokens need not outlive the send. */
  markSent(id: string, at: Date, redactedPayload?: Record<string, unknown>): Promise<void>;
  recordFailure(id: string, failure: OutboxFailure): Promise<void>;
  /** Emails and texts, newest first; the dev mailbox and tests read delivered messages here. */
  listRecent(limit: number): Promise<Array<OutboxMessageRecord & { channel: MessageChannel }>>;
  /** A message whose recipient was settled when it went out (see code flows): where it really goes, and whose it is. */
  readdress(id: string, recipient: string, accountId: string): Promise<void>;
  /** Drops a message that must not go out (nobody to send it to, or a send budget spent). */
  discard(id: string): Promise<void>;
  /** Deletes a message whatever its state: one whose recipient must not outlive its delivery. */
  erase(id: string): Promise<void>;
  /** The account's emails and texts (not webhooks), oldest first. */
  listForAccount(accountId: string): Promise<OutboxMessageRecord[]>;
  /**
   * Deletes the emails and texts to these addresses that name no account (codes asked for by
   * address); the account's own go with it by cascade. Answers how many.
   */
  eraseAddressedTo(addresses: readonly string[]): Promise<number>;
}
