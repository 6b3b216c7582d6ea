// The one database connection a node hears session changes and acknowledgements on, and
// renews its liveness lease through. Renewing on this same connection is what makes the lease
// honest: the server sends every notification committed before the renewal ahead of its
// answer, so a node whose renewal succeeded has heard every change before it, and a node that
// cannot hear cannot renew.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { OpenDatabase } from "../../store/database";

export const CHANGES_CHANNEL = "usher_session_changes";
export const ACKS_CHANNEL = "usher_change_acks";

export interface ListeningHandlers {
  notification(channel: string, payload: string): void;
  /** The connection dropped: nothing more is heard on it. */
  lost(error?: unknown): void;
}

export interface ListeningConnection {
  /** Connects and listens on both channels before resolving. */
  open(handlers: ListeningHandlers): Promise<void>;
  /** Runs a statement on this connection. */
  query(text: string, values: unknown[]): Promise<void>;
  /** The server process behind it (null where there is none): operators and tests end it to see a node recover. */
  readonly backendPid: number | null;
  close(): Promise<void>;
}

/** A dedicated node-postgres client (not from the pool: LISTEN belongs to one connection). */
export function postgresListeningConnection(url: string): ListeningConnection {
  const client = new pg.Client({ connectionString: url, keepAlive: true, application_name: "usher-session-changes" });
  let backendPid: number | null = null;
  let ended = false;
  return {
    get backendPid() {
      return backendPid;
    },
    async open(handlers) {
      client.on("notification", (message) => {
        if (message.payload) handlers.notification(message.channel, message.payload);
      });
      const lost = (error?: unknown) => {
        if (ended) return;
        ended = true;
        backendPid = null;
        handlers.lost(error);
      };
      client.on("error", lost);
      client.on("end", () => lost());
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${ACKS_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
      backendPid = rows[0]?.pid ?? null;
    },
    async query(text, values) {
      await client.query(text, values);
    },
    async close() {
      ended = true;
      backendPid = null;
      await client.end().catch(() => {});
    },
  };
}

/** The embedded database: one in-process instance, which delivers notifications with the answer of the statement that committed them. */
export function pgliteListeningConnection(client: PGlite): ListeningConnection {
  const unlisten: Array<() => Promise<void>> = [];
  return {
    backendPid: null,
    async open(handlers) {
      for (const channel of [CHANGES_CHANNEL, ACKS_CHANNEL])
        unlisten.push(await client.listen(channel, (payload) => handlers.notification(channel, payload)));
    },
    async query(text, values) {
      await client.query(text, values);
    },
    async close() {
      for (const stop of unlisten.splice(0)) await stop().catch(() => {});
    },
  };
}

/** New listening connections to the database a node runs on. */
export function listeningConnections(database: OpenDatabase): () => ListeningConnection {
  const { target } = database;
  if (target.kind === "postgres") return () => postgresListeningConnection(target.url);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return () => pgliteListeningConnection(client);
}
