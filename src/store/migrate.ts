// Brings the schema up to date. Runs at every start and from `usher migrate`; applied
// migrations are skipped, so it is idempotent. On PostgreSQL it holds an advisory lock while
// it works, so nodes starting together take turns instead of racing on the same DDL.
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { OpenDatabase } from "./database";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Any 64-bit number unique to Usher's migrations: "usher" in ASCII. */
const MIGRATION_LOCK_KEY = "499984549234";

/** PGlite has no second process to race, but calls in one process still take turns. */
const pgliteMigrations = new WeakMap<PGlite, Promise<void>>();

export async function migrateDatabase(database: OpenDatabase): Promise<void> {
  const { target } = database;
  if (target.kind === "pglite") {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const previous = pgliteMigrations.get(client) ?? Promise.resolve();
    const current = previous
      .catch(() => {})
      .then(async () => {
        // Loaded only on PGlite, as in database.ts.
        const [{ drizzle }, { migrate }] = await Promise.all([import("drizzle-orm/pglite"), import("drizzle-orm/pglite/migrator")]);
        await migrate(drizzle(client), { migrationsFolder });
      });
    pgliteMigrations.set(client, current);
    return current;
  }
  // The lock belongs to a connection, so take it on one dedicated client.
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
