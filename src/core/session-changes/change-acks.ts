// The node that made a change waits, after the commit, until every node whose liveness lease
// runs has acknowledged it, or that node's lease has ended (a node's verifiers' leases all end
// before its own). Nodes that join later need not be waited for: they listen before they take a
// subscriber, and a new subscriber's cache starts empty and is filled from committed state.
//
// Acknowledgements arrive over the cluster's notification channel, possibly before the wait
// starts (a fast cluster), so recent ones are kept for a while.
import type { ClusterNodes, LeaseTimings, SessionChange } from "./ports";
import { realSchedule, type Schedule } from "./subscriber-hub";

interface Wait {
  seqs: readonly number[];
  /** Nodes not yet heard from, with when (monotonic ms) their lease is over for sure. */
  nodes: Map<string, number>;
  done(): void;
}

export class ChangeAcks {
  /** seq → the nodes that acknowledged it, with when the first did (for forgetting). */
  readonly #acks = new Map<number, { nodes: Set<string>; at: number }>();
  readonly #waits = new Set<Wait>();
  #cancelTimer: (() => void) | null = null;

  constructor(
    private readonly cluster: ClusterNodes,
    private readonly timings: LeaseTimings,
    private readonly monotonic: () => number,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly schedule: Schedule = realSchedule,
  ) {}

  /** Node `nodeId` has done its part for change `seq`. */
  heard(nodeId: string, seq: number): void {
    const now = this.monotonic();
    const entry = this.#acks.get(seq) ?? { nodes: new Set<string>(), at: now };
    entry.nodes.add(nodeId);
    this.#acks.set(seq, entry);
    this.#forgetOld(now);
    this.#check();
  }

  /** Resolves once every live node has acknowledged these changes or its lease has ended. Never rejects. */
  async settled(changes: readonly SessionChange[]): Promise<void> {
    if (changes.length === 0) return;
    let nodes: Map<string, number>;
    try {
      const live = await this.cluster.liveNodes();
      const receivedAt = this.monotonic();
      nodes = new Map(live.map((node) => [node.id, receivedAt + node.remainingMs + this.timings.driftMs]));
    } catch (error) {
      // Not knowing who is live, wait out the longest lease any node could hold: a node that
      // renews after the commit has heard the change and makes its verifiers apply it first.
      this.onError(error);
      nodes = new Map([["", this.monotonic() + this.timings.nodeLeaseMs + this.timings.driftMs]]);
    }
    await new Promise<void>((done) => {
      this.#waits.add({ seqs: changes.map((change) => change.seq), nodes, done });
      this.#check();
    });
  }

  close(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    for (const wait of this.#waits) wait.done();
    this.#waits.clear();
  }

  #check(): void {
    const now = this.monotonic();
    let nextEnd = Number.POSITIVE_INFINITY;
    for (const wait of this.#waits) {
      for (const [node, end] of wait.nodes) {
        if (end <= now || wait.seqs.every((seq) => this.#acks.get(seq)?.nodes.has(node))) wait.nodes.delete(node);
        else nextEnd = Math.min(nextEnd, end);
      }
      if (wait.nodes.size === 0) {
        this.#waits.delete(wait);
        wait.done();
      }
    }
    this.#cancelTimer?.();
    this.#cancelTimer = Number.isFinite(nextEnd) ? this.schedule(nextEnd - now, () => this.#check()) : null;
  }

  #forgetOld(now: number): void {
    const before = now - 3 * this.timings.nodeLeaseMs;
    for (const [seq, entry] of this.#acks) {
      // Map order is insertion order: the oldest come first.
      if (entry.at > before) break;
      this.#acks.delete(seq);
    }
  }
}
