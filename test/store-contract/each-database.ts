// Runs a store contract suite once on PGlite and once on PostgreSQL, each on a fresh migrated
// database. Without a reachable PostgreSQL the second half is skipped locally, but in CI
// (`CI` set) the whole file fails: a contract proven on one engine only proves nothing there.

import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { Stores } from "../../src/core/ports";
import type { Database, OpenDatabase } from "../../src/store/database";
import * as schema from "../../src/store/schema";
import { createStores } from "../../src/store/stores";
import { createTestDatabase, postgresAdminUrl, type TestDatabase, type TestDatabaseKind } from "../support/databases";

async function whyPostgresIsUnreachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await whyPostgresIsUnreachable();
if (postgresProblem !== undefined) {
  const message = `PostgreSQL at ${postgresAdminUrl} cannot be reached (${postgresProblem})`;
  if (process.env.CI) throw new Error(`${message}; the store contract must run on PostgreSQL in CI.`);
  console.warn(`${message}: skipping the PostgreSQL half of the store contract. Set TEST_POSTGRES_URL to run it.`);
}

export interface ContractDatabase {
  readonly kind: TestDatabaseKind;
  readonly testDatabase: TestDatabase;
  readonly db: Database;
  readonly stores: Stores;
}

export const databaseKinds = ["pglite", "postgres"] as const;

/** Whether `kind` is available here (PostgreSQL may be skipped outside CI). */
export const isAvailable = (kind: TestDatabaseKind): boolean => kind === "pglite" || postgresProblem === undefined;

/** `describe`s `body` once per database kind, with a fresh database for the whole block. */
export function describeOnEachDatabase(title: string, body: (database: ContractDatabase) => void): void {
  describe.each(databaseKinds)(`${title} (%s)`, (kind) => {
    let opened: TestDatabase | undefined;
    const database: ContractDatabase = {
      kind,
      get testDatabase() {
        if (!opened) throw new Error("the test database is opened in beforeAll");
        return opened;
      },
      get db() {
        return this.testDatabase.database.db;
      },
      get stores() {
        return createStores(this.db);
      },
    };
    describe.skipIf(!isAvailable(kind))("contract", () => {
      beforeAll(async () => {
        opened = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await opened?.drop();
      });
      body(database);
    });
  });
}

/** A second Drizzle handle on the same connection that records every SQL statement it sends. */
export function recordingQueries(database: OpenDatabase): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db =
    database.target.kind === "pglite"
      ? drizzlePglite(client as PGlite, { schema, logger })
      : drizzlePg(client as pg.Pool, { schema, logger });
  return { db: db as unknown as Database, statements };
}

/** The rows of a raw query; both drivers answer an object with `rows`. */
export async function rowsOf<T>(db: Database, query: Parameters<Database["execute"]>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
