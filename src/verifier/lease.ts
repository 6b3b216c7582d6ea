// How long the verifier may answer from its cache: the lease Usher grants on the subscription.
// Usher holds back every change it makes until each live subscriber acknowledged it or that
// subscriber's lease ended, so a cached answer is as good as Usher's own only while the lease
// is fresh. Whenever Usher starts counting a lease, it is not before the renewal was sent; the
// verifier counts from the moment it sent the renewal, on its own monotonic clock, so its lease
// ends no later than Usher's however late the answer arrives. Only durations cross the wire.
//
// Pure bookkeeping, no I/O and no timers: freshness is asked with the current time on every
// use, so a process paused past its lease (SIGSTOP, a long GC, a suspended VM) finds it lapsed
// on the first request it serves afterwards, before any timer or queued message could run.

/** Usher's answer to a renewal, as the protocol's `lease` message carries it. */
export interface LeaseAnswer {
  id: number;
  ms: number;
  epoch: string;
}

export class Lease {
  /** Monotonic milliseconds until which the cache may be used. */
  #end = Number.NEGATIVE_INFINITY;
  #epoch: string | null = null;
  /** Renewals sent and not yet answered: id → monotonic milliseconds when sent. */
  readonly #pending = new Map<number, number>();
  /** Never reused, not even across subscriptions: an answer always names one renewal. */
  #nextId = 1;

  /** The epoch of the last answer, null before any. */
  get epoch(): string | null {
    return this.#epoch;
  }

  /** Renewals sent and not yet answered. */
  get unanswered(): number {
    return this.#pending.size;
  }

  /** A renewal is about to be sent at `now`: its id, to put in the message. */
  sent(now: number): number {
    const id = this.#nextId++;
    this.#pending.set(id, now);
    return id;
  }

  /**
   * Usher's answer to a renewal. A new epoch means changes may have been missed, so
   * `emptyCache` runs before anything is extended. False when the answer names no renewal
   * waiting for one (the subscription is then broken).
   */
  granted(answer: LeaseAnswer, emptyCache: () => void): boolean {
    const sentAt = this.#pending.get(answer.id);
    if (sentAt === undefined) return false;
    this.#pending.delete(answer.id);
    if (answer.epoch !== this.#epoch) {
      emptyCache();
      this.#epoch = answer.epoch;
    }
    // An answer to an older renewal (or a 0 ms one) never shortens what a newer one granted.
    if (answer.ms > 0) this.#end = Math.max(this.#end, sentAt + answer.ms);
    return true;
  }

  /** Whether the cache may be used at `now` (monotonic milliseconds). */
  fresh(now: number): boolean {
    return now < this.#end;
  }

  /** The subscription is gone: nothing it granted holds any more, and no answer to it will come. */
  ended(): void {
    this.#end = Number.NEGATIVE_INFINITY;
    this.#pending.clear();
  }
}
