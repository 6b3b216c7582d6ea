// Fresh databases for tests: an in-memory PGlite, or a uniquely named PostgreSQL database
// that is created for the test file and dropped after it. Nothing depends on earlier runs.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type OpenDatabase, openDatabase } from "../../src/store/database";
import { migrateDatabase } from "../../src/store/migrate";

export type TestDatabaseKind = "pglite" | "postgres";

/** The server that test databases are created on (trust auth on this machine and in CI). */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Which database route tests run on: `USHER_TEST_DB=postgres` switches from PGlite. */
export const routeTestDatabase: TestDatabaseKind = process.env.USHER_TEST_DB === "postgres" ? "postgres" : "pglite";

export interface TestDatabase {
  database: OpenDatabase;
  /** For PostgreSQL, the URL of the per-test database (nodes of a cluster test share it). */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: TestDatabaseKind, onStatement?: (sql: string) => void): Promise<TestDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite", ...migratedTemplate() }, onStatement);
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const name = `usher_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(postgresAdminUrl, name);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 5 }, onStatement);
  await migrateDatabase(database);
  return {
    database,
    url,
    // The database is dropped even when closing fails (a test may have closed it already).
    drop: async () => {
      try {
        await database.close();
      } finally {
        await adminQuery(`drop database if exists ${name} with (force)`);
      }
    },
  };
}

/** The migrated dump the run's global setup made (test/support/pglite-template.ts), read once per file. */
let template: Blob | undefined;
function migratedTemplate(): { loadDataDir?: Blob } {
  const file = inject("pgliteTemplate");
  if (!file) return {};
  template ??= new Blob([readFileSync(file)]);
  return { loadDataDir: template };
}

/** Runs one statement on the admin database of the PostgreSQL server (creating and dropping databases). */
export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `url` pointed at the database `name` on the same server. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The rows of a raw query; both drivers answer an object with `rows`. */
export async function rowsOf<T>(db: Database, query: Parameters<Database["execute"]>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
