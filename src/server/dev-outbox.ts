// Embedded mode's stand-in for an email and SMS provider: every message written to the
// outbox is printed to the log (and stays readable in the outbox table), then marked sent.
// Production delivery arrives with the real dispatcher; this never runs there.
import type { Clock } from "../core/clock";
import type { OutboxMessageRecord, Stores } from "../core/ports";

export interface DevOutbox {
  /** Delivers whatever is pending; safe to call often (runs are serialised). */
  wake(): void;
  /** Resolves when the current delivery run, if any, has finished. */
  idle(): Promise<void>;
}

export function createDevOutbox(stores: Stores, clock: Clock, print: (message: OutboxMessageRecord) => void): DevOutbox {
  let running: Promise<void> = Promise.resolve();
  const deliver = async () => {
    for (const message of await stores.outbox.listPending(100)) {
      print(message);
      await stores.outbox.markSent(message.id, clock.now());
    }
  };
  return {
    wake() {
      running = running.then(deliver).catch(() => {});
    },
    idle: () => running,
  };
}

/** How a dev message reads in the log: the text a person would have received. */
export function describeDevMessage(message: OutboxMessageRecord): string {
  const payload = message.payload as { code?: string };
  const body =
    message.template === "phone_verification"
      ? `Your Usher verification code is ${payload.code}. It expires in 10 minutes.`
      : `(${message.template})`;
  return `${message.channel.toUpperCase()} to ${message.recipient}: ${body}`;
}
