// Revocation signals within one process, for tests that run no session-change listener: the
// test's wiring publishes each change its units of work report.
import type { RevocationListener, RevocationSignals } from "../../core/sessions/revocation-signals";
import { SignalFanOut } from "./signal-fan-out";

/** One process is the whole cluster. Delivery is asynchronous, as over the network. */
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
