// Delivers the outbox. Any number of nodes run one each: a claim takes a few due messages
// in one short statement (FOR UPDATE SKIP LOCKED) and leases them, the sends happen outside
// any transaction, and each message is then marked sent, or given a retry time by
// exponential backoff, or failed once its tries are spent. Woken after every commit that
// wrote a message, and by a periodic poll (retries, leases of a node that died, other nodes'
// messages).
import type { Clock } from "../clock";
import { hours, minutes } from "../clock";
import type { Stores } from "../ports";
import { deliverWebhook, type WebhookDeliveryDeps } from "../webhooks/deliver-webhook";
import type { ClaimedMessage, OutboxMessageRecord } from "./ports";
import { readerOf } from "./reader-of";
import { PermanentDeliveryError, type Senders } from "./senders";
import type { Reader } from "./templates/reader";
import type { RenderedMessage } from "./templates/render";
import { erasedOnceDone } from "./templates/render";

export interface DispatcherOptions {
  /** Messages per claim, sent concurrently. */
  batchSize: number;
  /** How long a claim holds its messages; longer than any sender's timeout. */
  leaseMs: number;
  /** Tries before a message is marked failed. */
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const defaultDispatcherOptions: DispatcherOptions = {
  batchSize: 10,
  leaseMs: minutes(5),
  maxAttempts: 8,
  backoffMs: 30_000,
  maxBackoffMs: hours(1),
};

/** What the dispatcher reports about a failed try: never the message's content or payload. */
export interface DeliveryFailure {
  messageId: string;
  channel: string;
  template: string;
  attempts: number;
  /** True when the message will not be tried again. */
  final: boolean;
  error: string;
}

export interface DispatcherDeps {
  stores: Stores;
  clock: Clock;
  senders: Senders;
  /** Signs and posts webhook messages (every node in production has it). */
  webhooks?: WebhookDeliveryDeps;
  render(message: OutboxMessageRecord, reader: Reader): RenderedMessage;
  /**
   * Settles a message whose recipient is decided only as it goes out (a code asked for by an
   * address that may have no account): the message to send, or null when it must not go out
   * (the resolver has dropped it). A throw is a failed try, retried like a failed send.
   */
  resolve?(message: OutboxMessageRecord): Promise<OutboxMessageRecord | null>;
  onFailure?(failure: DeliveryFailure): void;
  /**
   * Blanks a finished message's secrets (production). Embedded mode keeps them, so the dev
   * mailbox can still show a texted code after the dev outbox has "sent" it.
   */
  redact?(message: OutboxMessageRecord): Record<string, unknown> | null;
  /** A claim that could not run (the database is away); the next wake or poll tries again. */
  onError?(error: unknown): void;
}

export interface Dispatcher {
  /** Delivers what is due now; runs are serialised, and a wake during a run causes another. */
  wake(): void;
  /** Wakes every `pollMs` as well. */
  start(pollMs: number): void;
  /** Stops polling and waits for the current run; wakes after this do nothing. */
  stop(): Promise<void>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

export function backoffDelay(attempts: number, options: DispatcherOptions): number {
  return Math.min(options.backoffMs * 2 ** Math.max(0, attempts - 1), options.maxBackoffMs);
}

export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions = defaultDispatcherOptions): Dispatcher {
  let running: Promise<void> | null = null;
  let wokenDuringRun = false;
  let stopped = false;
  let poll: ReturnType<typeof setInterval> | undefined;

  const deliver = async (claimed: ClaimedMessage): Promise<void> => {
    let message: OutboxMessageRecord = claimed;
    try {
      const resolved = deps.resolve ? await deps.resolve(claimed) : claimed;
      if (resolved === null) return;
      message = resolved;
      if (message.channel === "webhook") {
        if (!deps.webhooks) throw new PermanentDeliveryError("this node does not deliver webhooks");
        // An endpoint removed since the event: nowhere to send it.
        if (!(await deliverWebhook(deps.webhooks, message))) return void (await deps.stores.outbox.discard(message.id));
      } else {
        // Read with the claim, unless the message was readdressed to an account since.
        const reader = message.accountId === claimed.accountId ? claimed.accountReader : null;
        const rendered = deps.render(message, reader ?? (await readerOf(deps.stores.accounts, message)));
        if (rendered.channel === "email")
          await deps.senders.email.send({ to: message.recipient, template: message.template, ...rendered.email });
        else await deps.senders.sms.send({ to: message.recipient, text: rendered.text });
      }
    } catch (error) {
      const final = error instanceof PermanentDeliveryError || message.attempts >= options.maxAttempts;
      const now = deps.clock.now();
      const text = describeError(error, message);
      const redactedPayload = final ? deps.redact?.(message) : null;
      await deps.stores.outbox.recordFailure(
        message.id,
        final
          ? { error: text, failedAt: now, ...(redactedPayload ? { redactedPayload } : {}) }
          : { error: text, retryAt: new Date(now.getTime() + backoffDelay(message.attempts, options)) },
      );
      deps.onFailure?.({
        messageId: message.id,
        channel: message.channel,
        template: message.template,
        attempts: message.attempts,
        final,
        error: text,
      });
      if (final) await eraseIfDone(message);
      return;
    }
    await deps.stores.outbox.markSent(message.id, deps.clock.now(), deps.redact?.(message) ?? undefined);
    await eraseIfDone(message);
  };

  // Whatever the node's other options: an address that must not outlive its account never does.
  const eraseIfDone = async (message: OutboxMessageRecord): Promise<void> => {
    if (erasedOnceDone(message)) await deps.stores.outbox.erase(message.id);
  };

  const drain = async (): Promise<void> => {
    while (!stopped) {
      const now = deps.clock.now();
      const batch = await deps.stores.outbox.claimDue(now, new Date(now.getTime() + options.leaseMs), options.batchSize);
      await Promise.all(batch.map(deliver));
      if (batch.length < options.batchSize) return;
    }
  };

  const wake = (): void => {
    if (stopped) return;
    if (running) {
      wokenDuringRun = true;
      return;
    }
    running = (async () => {
      do {
        wokenDuringRun = false;
        try {
          await drain();
        } catch (error) {
          deps.onError?.(error);
          return;
        }
      } while (wokenDuringRun && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  return {
    wake,
    start(pollMs) {
      if (poll) return;
      poll = setInterval(wake, pollMs);
      // A poll alone never keeps the process alive.
      poll.unref?.();
      wake();
    },
    async stop() {
      stopped = true;
      if (poll) clearInterval(poll);
      poll = undefined;
      await running;
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/**
 * The error kept in last_error and logged: the provider's words, short, with every value of
 * the payload (codes, links, tokens) blanked out in case a provider echoes the message.
 */
function describeError(error: unknown, message: OutboxMessageRecord): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
  for (const value of Object.values(message.payload)) {
    if (typeof value === "string" && value.length >= 4) text = text.split(value).join("[redacted]");
  }
  return text.replace(/\s+/g, " ").slice(0, 500);
}
