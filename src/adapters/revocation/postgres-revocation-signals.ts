// Revocation signals between nodes over PostgreSQL LISTEN/NOTIFY. Each node keeps one
// dedicated connection that LISTENs (and comes back when it drops); publishing goes through
// the node's pool (`select pg_notify`), so it never waits on that connection. The payload is
// the account id only, never a token.
import { sql } from "drizzle-orm";
import pg from "pg";
import { loggableError } from "../../core/loggable-error";
import type { RevocationListener, RevocationSignals } from "../../core/sessions/revocation-signals";
import type { Database } from "../../store/database";
import { SignalFanOut } from "./signal-fan-out";

export const REVOCATION_CHANNEL = "usher_sessions_revoked";

/** Where the notifier reports trouble: a pino/Fastify logger fits. */
export interface SignalLog {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

export interface PostgresSignalOptions {
  /** The database URL (the listening connection's own). */
  url: string;
  /** The node's database: publishing runs on its pool. */
  db: Database;
  log?: SignalLog;
  channel?: string;
  /** Backoff between reconnection attempts: doubles from `initialMs` up to `maxMs`. */
  reconnect?: { initialMs: number; maxMs: number };
}

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const silent: SignalLog = { warn: () => {}, info: () => {} };

export class PostgresRevocationSignals implements RevocationSignals {
  readonly #fanOut = new SignalFanOut();
  readonly #options: PostgresSignalOptions;
  readonly #channel: string;
  readonly #log: SignalLog;
  readonly #backoff: { initialMs: number; maxMs: number };
  #client: pg.Client | null = null;
  #backendPid: number | null = null;
  #delayMs: number;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  private constructor(options: PostgresSignalOptions) {
    this.#options = options;
    this.#channel = options.channel ?? REVOCATION_CHANNEL;
    if (!CHANNEL_NAME.test(this.#channel)) throw new Error(`Not a channel name: ${this.#channel}`);
    this.#log = options.log ?? silent;
    this.#backoff = options.reconnect ?? { initialMs: 100, maxMs: 5_000 };
    this.#delayMs = this.#backoff.initialMs;
  }

  /** Connects and LISTENs before answering: a node that can't hear the others doesn't start. */
  static async connect(options: PostgresSignalOptions): Promise<PostgresRevocationSignals> {
    const signals = new PostgresRevocationSignals(options);
    await signals.#listen();
    return signals;
  }

  /** The listening connection's backend process id (null while reconnecting): for operators and tests. */
  get listenerPid(): number | null {
    return this.#backendPid;
  }

  publish(accountId: string): void {
    this.#options.db.execute(sql`select pg_notify(${this.#channel}, ${accountId})`).catch((error: unknown) => {
      // The sign-out stands: the database refuses the token. Only the live notice is late.
      this.#log.warn(loggableError(error), "revocation signal not published; open screens learn at their next request");
    });
  }

  subscribe(listener: RevocationListener, onMissed?: () => void): () => void {
    return this.#fanOut.add(listener, onMissed);
  }

  listenerCount(): number {
    return this.#fanOut.size;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#fanOut.clear();
    const client = this.#client;
    this.#client = null;
    this.#backendPid = null;
    await client?.end().catch(() => {});
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#options.url, keepAlive: true, application_name: "usher-revocations" });
    client.on("notification", (message) => {
      if (message.channel !== this.#channel || !message.payload || !ACCOUNT_ID.test(message.payload)) return;
      this.#fanOut.deliver(message.payload);
    });
    client.on("error", (error) => this.#lost(client, error));
    client.on("end", () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#channel}`);
      const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
      if (this.#closed) {
        await client.end();
        return;
      }
      this.#client = client;
      this.#backendPid = rows[0]?.pid ?? null;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  #lost(client: pg.Client, error?: unknown): void {
    if (client !== this.#client) return;
    this.#client = null;
    this.#backendPid = null;
    void client.end().catch(() => {});
    this.#log.warn(error ? loggableError(error) : {}, "revocation signals: listening connection lost; reconnecting");
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#timer) return;
    const delay = this.#delayMs;
    this.#delayMs = Math.min(delay * 2, this.#backoff.maxMs);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#listen().then(
        () => {
          if (this.#closed) return;
          this.#delayMs = this.#backoff.initialMs;
          this.#log.info({}, "revocation signals: listening again");
          // Whatever was published while we were away is lost: every open screen re-checks.
          this.#fanOut.missed();
        },
        (failure: unknown) => {
          this.#log.warn(loggableError(failure), "revocation signals: reconnection failed; retrying");
          this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#timer.unref();
  }
}
