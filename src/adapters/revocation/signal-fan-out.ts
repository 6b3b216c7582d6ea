// Hands one process's revocation signals to its subscribers; the session-change listener and
// the in-process signals are built on it.
import type { RevocationListener } from "../../core/sessions/revocation-signals";

/**
 * Fans a signal out to the subscribers of one process. Shared by the implementations: the
 * session-change node feeds it from LISTEN, the in-process one (tests) directly.
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
