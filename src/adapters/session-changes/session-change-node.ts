// This node's part in keeping the platform's verifiers exact (src/verifier/LEASES.md):
// - it listens for session changes and acknowledgements on one connection, and renews its
//   liveness lease (a row timed by the database's clock) through that same connection;
// - it is registered and listening before it takes its first subscriber;
// - when the connection drops it stops renewing at once, and listens again in a new epoch;
// - it pushes every change it hears to its subscribers (the hub), and tells the cluster when
//   they have all applied it or lost their lease;
// - after a change it made commits, it waits for every live node to say so (the acks);
// - it tells this node's open screens which accounts changed (as its RevocationSignals).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { loggableError } from "../../core/loggable-error";
import { ChangeAcks } from "../../core/session-changes/change-acks";
import type { LeaseTimings, LiveNode, SessionChange } from "../../core/session-changes/ports";
import { SubscriberHub } from "../../core/session-changes/subscriber-hub";
import type { RevocationListener, RevocationSignals } from "../../core/sessions/revocation-signals";
import type { Database } from "../../store/database";
import { SignalFanOut } from "../revocation/signal-fan-out";
import { ACKS_CHANNEL, CHANGES_CHANNEL, type ListeningConnection } from "./listening-connection";

export interface ChangeNodeLog {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

export interface SessionChangeNodeOptions {
  /** A new listening connection (one per attempt: a dropped one is not reused). */
  connect(): ListeningConnection;
  /** The node's database: cluster reads and acknowledgements go through its pool. */
  db: Database;
  timings: LeaseTimings;
  log?: ChangeNodeLog;
  /** Monotonic milliseconds (performance.now). */
  monotonic?: () => number;
  /** Backoff between reconnection attempts: doubles from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
}

const CHANGE = /^(\d{1,18}) ([0-9a-f-]{36})$/;
const ACK = /^([A-Za-z0-9_-]{1,32}) (\d{1,18})$/;
/** Housekeeping runs with every this many renewals: the change log keeps an hour, dead nodes a day. */
const HOUSEKEEPING_EVERY = 30;
const silent: ChangeNodeLog = { warn: () => {}, info: () => {} };

export class SessionChangeNode implements RevocationSignals {
  readonly id = randomBytes(12).toString("base64url");
  readonly hub: SubscriberHub;
  readonly #acks: ChangeAcks;
  readonly #options: SessionChangeNodeOptions;
  readonly #log: ChangeNodeLog;
  readonly #monotonic: () => number;
  /** This node's open screens. */
  readonly #screens = new SignalFanOut();
  #connection: ListeningConnection | null = null;
  #renewTimer: NodeJS.Timeout | null = null;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #renewing = false;
  #renewals = 0;
  #delayMs: number;
  #closed = false;

  private constructor(options: SessionChangeNodeOptions) {
    this.#options = options;
    this.#log = options.log ?? silent;
    this.#monotonic = options.monotonic ?? (() => performance.now());
    this.#delayMs = options.reconnect?.initialMs ?? 100;
    this.hub = new SubscriberHub(options.timings, this.#monotonic, (seq) => this.#acknowledge(seq));
    this.#acks = new ChangeAcks({ liveNodes: () => readLiveNodes(options.db) }, options.timings, this.#monotonic, (error) =>
      this.#log.warn(loggableError(error), "live nodes could not be read; waiting out the longest lease"),
    );
  }

  /** Listens and registers before answering: a node that cannot hear changes does not start. */
  static async start(options: SessionChangeNodeOptions): Promise<SessionChangeNode> {
    const node = new SessionChangeNode(options);
    await node.#listen();
    return node;
  }

  /** The listening connection's server process (null while reconnecting). */
  get listenerPid(): number | null {
    return this.#connection?.backendPid ?? null;
  }

  /** Resolves once every live node has made its verifiers apply these changes, or its lease ended. */
  heard(changes: readonly SessionChange[]): Promise<void> {
    return this.#acks.settled(changes);
  }

  /** Hears every changed account; `onMissed` when it listens again, in a new epoch (some may have been missed). */
  subscribe(listener: RevocationListener, onMissed?: () => void): () => void {
    return this.#screens.add(listener, onMissed);
  }

  listenerCount(): number {
    return this.#screens.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.hub.deaf();
    for (const timer of [this.#renewTimer, this.#reconnectTimer]) if (timer) clearTimeout(timer);
    this.hub.close();
    this.#acks.close();
    this.#screens.clear();
    const connection = this.#connection;
    this.#connection = null;
    await connection?.close();
  }

  async #listen(): Promise<void> {
    const connection = this.#options.connect();
    try {
      await connection.open({
        notification: (channel, payload) => this.#notified(channel, payload),
        lost: (error) => this.#lost(connection, error),
      });
      if (this.#closed) throw new Error("closed while connecting");
      this.#connection = connection;
      // A new epoch: changes may have gone unheard since the last one, so verifiers start over.
      this.hub.listening(randomBytes(9).toString("base64url"));
      await this.#renew();
      this.#screens.missed();
    } catch (error) {
      if (this.#connection === connection) this.#connection = null;
      this.hub.deaf();
      await connection.close();
      throw error;
    }
    this.#scheduleRenewal();
  }

  #notified(channel: string, payload: string): void {
    if (channel === CHANGES_CHANNEL) {
      const match = CHANGE.exec(payload);
      if (!match) return;
      const change = { seq: Number(match[1]), accountId: match[2]! };
      this.hub.changed(change);
      this.#screens.deliver(change.accountId);
    } else if (channel === ACKS_CHANNEL) {
      const match = ACK.exec(payload);
      if (match) this.#acks.heard(match[1]!, Number(match[2]));
    }
  }

  /** Renews this node's liveness lease on the listening connection, counting from when it was sent. */
  async #renew(): Promise<void> {
    const connection = this.#connection;
    if (!connection || this.#renewing) return;
    this.#renewing = true;
    const sentAt = this.#monotonic();
    try {
      await connection.query(
        `insert into usher_node (id, lease_until) values ($1, clock_timestamp() + $2 * interval '1 millisecond')
         on conflict (id) do update set lease_until = excluded.lease_until`,
        [this.id, this.#options.timings.nodeLeaseMs],
      );
      if (connection === this.#connection) this.hub.ownLeaseRenewed(sentAt);
    } finally {
      this.#renewing = false;
    }
    if (++this.#renewals % HOUSEKEEPING_EVERY === 0) void this.#housekeeping();
  }

  #scheduleRenewal(): void {
    if (this.#closed) return;
    this.#renewTimer = setTimeout(() => {
      this.#renewTimer = null;
      const connection = this.#connection;
      if (!connection) return;
      this.#renew().then(
        () => this.#scheduleRenewal(),
        // A renewal that fails leaves the connection in doubt: drop it and listen afresh.
        (error: unknown) => this.#lost(connection, error),
      );
    }, this.#options.timings.nodeRenewMs);
    this.#renewTimer.unref();
  }

  #lost(connection: ListeningConnection, error?: unknown): void {
    if (connection !== this.#connection) return;
    this.#connection = null;
    // At once: no verifier of this node is renewed until it hears changes again.
    this.hub.deaf();
    if (this.#renewTimer) clearTimeout(this.#renewTimer);
    this.#renewTimer = null;
    void connection.close();
    this.#log.warn(
      error ? loggableError(error) : {},
      "session changes: listening connection lost; verifiers' leases are not renewed until it is back",
    );
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnectTimer) return;
    const delay = this.#delayMs;
    const backoff = this.#options.reconnect ?? { initialMs: 100, maxMs: 5_000 };
    this.#delayMs = Math.min(delay * 2, backoff.maxMs);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      this.#listen().then(
        () => {
          this.#delayMs = backoff.initialMs;
          this.#log.info({}, "session changes: listening again, in a new epoch");
        },
        (failure: unknown) => {
          if (this.#closed) return;
          this.#log.warn(loggableError(failure), "session changes: reconnection failed; retrying");
          this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#reconnectTimer.unref();
  }

  #acknowledge(seq: number): void {
    if (this.#closed) return;
    this.#options.db.execute(sql`select pg_notify(${ACKS_CHANNEL}, ${`${this.id} ${seq}`})`).catch((error: unknown) => {
      // The node that made the change waits for this node's lease to end instead.
      this.#log.warn(loggableError(error), "session change acknowledgement not sent");
    });
  }

  async #housekeeping(): Promise<void> {
    try {
      await this.#options.db.execute(sql`delete from session_change where at < clock_timestamp() - interval '1 hour'`);
      await this.#options.db.execute(sql`delete from usher_node where lease_until < clock_timestamp() - interval '1 day'`);
    } catch (error) {
      this.#log.warn(loggableError(error), "session change log could not be trimmed; trying again later");
    }
  }
}

/** The nodes whose liveness lease runs, with how long it still runs by the database's clock. */
export async function readLiveNodes(db: Database): Promise<LiveNode[]> {
  const result = (await db.execute(
    sql`select id, extract(epoch from (lease_until - clock_timestamp())) * 1000 as remaining_ms
        from usher_node where lease_until > clock_timestamp()`,
  )) as unknown as { rows: { id: string; remaining_ms: string | number }[] };
  return result.rows.map((row) => ({ id: row.id, remainingMs: Number(row.remaining_ms) }));
}
