// "Sessions of this account were revoked": the signal that tells open screens, on every node,
// to re-check theirs. It carries an account id only, never a token. Losing one costs a late
// notice, never a served request: every request is checked against the database anyway.

/** Called with the id of an account whose sessions were revoked. */
export type RevocationListener = (accountId: string) => void;

export interface RevocationSignals {
  /** Tells every node (this one included). Never throws and never waits: a failure is logged. */
  publish(accountId: string): void;
  /**
   * Hears every published account id. `onMissed` runs when signals may have been lost (the
   * connection to the other nodes dropped and came back): re-check everything. Answers the
   * unsubscribe.
   */
  subscribe(listener: RevocationListener, onMissed?: () => void): () => void;
  /** How many subscriptions are open (to prove nothing leaks). */
  listenerCount(): number;
  close(): Promise<void>;
}

/**
 * Fans a signal out to the subscribers of one process. Shared by the implementations: the
 * PostgreSQL one feeds it from LISTEN, the in-process one (embedded mode, tests) directly.
 */
export class SignalFanOut {
  readonly #listeners = new Map<RevocationListener, (() => void) | undefined>();

  add(listener: RevocationListener, onMissed?: () => void): () => void {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const own: RevocationListener = (accountId) => listener(accountId);
    this.#listeners.set(own, onMissed);
    return () => void this.#listeners.delete(own);
  }

  deliver(accountId: string): void {
    for (const listener of [...this.#listeners.keys()]) listener(accountId);
  }

  missed(): void {
    for (const onMissed of [...this.#listeners.values()]) onMissed?.();
  }

  get size(): number {
    return this.#listeners.size;
  }

  clear(): void {
    this.#listeners.clear();
  }
}

/** One process is the whole cluster: embedded mode, and tests. Delivery is asynchronous, as over the network. */
export class InProcessRevocationSignals implements RevocationSignals {
  readonly #fanOut = new SignalFanOut();

  publish(accountId: string): void {
    queueMicrotask(() => this.#fanOut.deliver(accountId));
  }

  subscribe(listener: RevocationListener, onMissed?: () => void): () => void {
    return this.#fanOut.add(listener, onMissed);
  }

  listenerCount(): number {
    return this.#fanOut.size;
  }

  async close(): Promise<void> {
    this.#fanOut.clear();
  }
}
