// One node's verifiers: the platform services subscribed to this node for session changes.
// The node grants each a lease on its cache, pushes every change it hears to all of them, and
// acknowledges a change to the cluster once each has applied it or its lease has ended.
//
// Everything here is counted on this process's monotonic clock (injected), in durations:
// - a verifier's lease runs from when this node received its renewal, plus a drift margin
//   (the verifier counts from when it sent it, which is earlier);
// - no lease outlives this node's own liveness lease, less a margin;
// - no lease is granted while this node cannot hear changes, nor to a verifier that has not
//   applied every change pushed to it (a lost push cannot hide behind working renewals).
import type { LeaseTimings, SessionChange } from "./ports";

/** How the hub talks to one subscribed verifier (the WebSocket route frames these). */
export interface SubscriberLink {
  change(n: number, accountId: string): void;
  lease(id: number, ms: number, epoch: string): void;
}

/** What the route tells the hub about one subscription. */
export interface Subscription {
  /** Every change up to n is applied. */
  ack(n: number): void;
  /** A renewal `id`, sent after applying change `applied`: answered at once through the link. */
  renew(id: number, applied: number): void;
  /** The socket closed. Its lease still runs until it ends: changes wait for it until then. */
  leave(): void;
}

/** Runs `fn` after `ms`; answers a cancel. Injected so tests move time by hand. */
export type Schedule = (ms: number, fn: () => void) => () => void;

export const realSchedule: Schedule = (ms, fn) => {
  const timer = setTimeout(fn, Math.max(0, ms));
  timer.unref();
  return () => clearTimeout(timer);
};

interface Subscriber {
  link: SubscriberLink;
  /** Changes pushed on this subscription. */
  pushed: number;
  /** Changes it said it applied. */
  applied: number;
  /** Monotonic ms when its lease ends, as this node counts it. */
  leaseEnd: number;
  open: boolean;
}

interface PendingChange {
  seq: number;
  /** Subscribers that must apply push `n` (or lose their lease) before the change is acknowledged. */
  waiting: Map<Subscriber, number>;
}

export class SubscriberHub {
  readonly #subscribers = new Set<Subscriber>();
  readonly #pending = new Set<PendingChange>();
  #epoch: string | null = null;
  #ownLeaseEnd = Number.NEGATIVE_INFINITY;
  #cancelTimer: (() => void) | null = null;

  constructor(
    private readonly timings: LeaseTimings,
    private readonly monotonic: () => number,
    /** Tells the cluster this node has done its part for change `seq`. */
    private readonly acknowledge: (seq: number) => void,
    private readonly schedule: Schedule = realSchedule,
  ) {}

  /** The listener is connected and LISTENing: a new epoch (changes before it may have been missed). */
  listening(epoch: string): void {
    this.#epoch = epoch;
  }

  /** The listener is lost: nothing is renewed until it listens again, in a new epoch. */
  deaf(): void {
    this.#epoch = null;
  }

  /** This node's liveness lease was renewed by a statement sent at `sentAt` (monotonic ms). */
  ownLeaseRenewed(sentAt: number): void {
    this.#ownLeaseEnd = Math.max(this.#ownLeaseEnd, sentAt + this.timings.nodeLeaseMs);
  }

  /** Whether new subscribers are taken: this node hears changes and its own lease runs. */
  get accepting(): boolean {
    return this.#epoch !== null && this.monotonic() < this.#ownLeaseEnd;
  }

  get subscriberCount(): number {
    let open = 0;
    for (const subscriber of this.#subscribers) if (subscriber.open) open += 1;
    return open;
  }

  join(link: SubscriberLink): Subscription {
    const subscriber: Subscriber = { link, pushed: 0, applied: 0, leaseEnd: Number.NEGATIVE_INFINITY, open: true };
    this.#subscribers.add(subscriber);
    return {
      ack: (n) => this.#applied(subscriber, n),
      renew: (id, applied) => {
        this.#applied(subscriber, applied);
        if (subscriber.open) subscriber.link.lease(id, this.#grant(subscriber), this.#epoch ?? "");
      },
      leave: () => {
        subscriber.open = false;
        this.#settle();
      },
    };
  }

  /** A change this node heard: pushed to every subscriber, acknowledged once all have applied it or lost their lease. */
  changed(change: SessionChange): void {
    const now = this.monotonic();
    const waiting = new Map<Subscriber, number>();
    for (const subscriber of this.#subscribers) {
      if (subscriber.open) {
        subscriber.pushed += 1;
        subscriber.link.change(subscriber.pushed, change.accountId);
      }
      // A closed subscription never hears this change: only the end of its lease settles it.
      if (subscriber.leaseEnd > now) waiting.set(subscriber, subscriber.open ? subscriber.pushed : Number.POSITIVE_INFINITY);
    }
    this.#pending.add({ seq: change.seq, waiting });
    this.#settle();
  }

  close(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#subscribers.clear();
    this.#pending.clear();
  }

  #applied(subscriber: Subscriber, n: number): void {
    // More than was pushed is not believed: a verifier cannot acknowledge a change it never got.
    subscriber.applied = Math.max(subscriber.applied, Math.min(n, subscriber.pushed));
    this.#settle();
  }

  #grant(subscriber: Subscriber): number {
    const now = this.monotonic();
    if (this.#epoch === null || subscriber.applied < subscriber.pushed) return 0;
    const ms = Math.floor(Math.min(this.timings.subscriberLeaseMs, this.#ownLeaseEnd - this.timings.grantMarginMs - now));
    if (ms <= 0) return 0;
    subscriber.leaseEnd = Math.max(subscriber.leaseEnd, now + ms + this.timings.driftMs);
    return ms;
  }

  /** Acknowledges every change nobody holds up any more; wakes again when the next lease holding one up ends. */
  #settle(): void {
    const now = this.monotonic();
    let nextEnd = Number.POSITIVE_INFINITY;
    for (const change of this.#pending) {
      for (const [subscriber, n] of change.waiting) {
        if (subscriber.applied >= n || subscriber.leaseEnd <= now) change.waiting.delete(subscriber);
        else nextEnd = Math.min(nextEnd, subscriber.leaseEnd);
      }
      if (change.waiting.size === 0) {
        this.#pending.delete(change);
        this.acknowledge(change.seq);
      }
    }
    // A closed subscription is forgotten once its lease has ended: nothing can wait for it then.
    for (const subscriber of this.#subscribers) if (!subscriber.open && subscriber.leaseEnd <= now) this.#subscribers.delete(subscriber);
    this.#cancelTimer?.();
    this.#cancelTimer = Number.isFinite(nextEnd) ? this.schedule(nextEnd - now, () => this.#settle()) : null;
  }
}
