// Opens the database Usher runs on: embedded PGlite (files under a data folder, or in
// memory for tests) by default, PostgreSQL through node-postgres when a URL is given. Both
// give the same Drizzle query builder, so every store is written once.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | {
      kind: "pglite";
      dataDir?: string;
      /** In memory, starting from this dump of a data folder (tests start from a migrated one). */
      loadDataDir?: Blob;
    };

export interface OpenDatabase {
  db: Database;
  target: DatabaseTarget;
  /** PostgreSQL's pool now, for the metrics; PGlite has none (one connection, in process). */
  connections?(): PoolConnections;
  close(): Promise<void>;
}

export interface PoolConnections {
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** `onStatement` sees the SQL of every statement the query builder sends (never its parameters). */
export async function openDatabase(target: DatabaseTarget, onStatement?: (sql: string) => void): Promise<OpenDatabase> {
  const logger = onStatement ? { logQuery: (query: string) => onStatement(query) } : false;
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // Only the named prepared statements (the lookups every request makes) are planned once per
      // connection, not for each set of parameters: by default PostgreSQL re-plans the session
      // lookup (`= any($1)`) on every execution, and planning was most of its CPU. Set before the
      // connection serves anything.
      onConnect: (client: pg.ClientBase) => client.query("set plan_cache_mode = force_generic_plan"),
    });
    // An idle client's network error must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return {
      db: drizzlePg(pool, { schema, logger }) as unknown as Database,
      target,
      connections: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }
  // Loaded only here: a PostgreSQL node never carries PGlite's code (about 15 MiB resident).
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  // PGlite's default 128 MB of shared buffers is committed up front (~840 MB resident in all);
  // 16 MB is plenty for one embedded node.
  const options = { postgresqlconf: ["shared_buffers = 16MB"] };
  if (target.dataDir && !existsSync(join(target.dataDir, "PG_VERSION"))) {
    // A first start runs initdb, whose memory stays with that instance: create the cluster,
    // close it, and serve from a fresh one (~360 MB resident instead of ~740 MB).
    mkdirSync(target.dataDir, { recursive: true });
    await (await PGlite.create(target.dataDir, options)).close();
  }
  const client = await PGlite.create(target.dataDir, target.loadDataDir ? { ...options, loadDataDir: target.loadDataDir } : options);
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Database,
    target,
    close: () => client.close(),
  };
}

/** The Postgres error code behind a failed query (Drizzle wraps driver errors). */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
/** Raised by the session insert's trigger when the account is locked (migration 0013). */
export const ACCOUNT_LOCKED = "UL001";
