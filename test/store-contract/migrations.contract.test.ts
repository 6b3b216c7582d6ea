// Contract of migrateDatabase: idempotent at every start, and safe when several nodes start
// together on one fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { type Database, type OpenDatabase, openDatabase } from "../../src/store/database";
import { migrateDatabase, migrationsFolder } from "../../src/store/migrate";
import { adminQuery, postgresAdminUrl, withDatabase } from "../support/databases";
import { describeOnEachDatabase, rowsOf } from "./each-database";

const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
  entries: { when: number }[];
};

interface MigrationRow {
  id: number;
  hash: string;
  created_at: string;
}

const appliedMigrations = (db: Database) =>
  rowsOf<MigrationRow>(db, sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id`);

describeOnEachDatabase("migrateDatabase", (t) => {
  it("records one row per migration and changes nothing when run again", async () => {
    const before = await appliedMigrations(t.db);
    expect(before.map((row) => Number(row.created_at))).toEqual(journal.entries.map((entry) => entry.when));

    await migrateDatabase(t.testDatabase.database);
    await migrateDatabase(t.testDatabase.database);
    expect(await appliedMigrations(t.db)).toEqual(before);
  });

  // On PostgreSQL this is nodes starting together (the advisory lock); on PGlite, calls in
  // one process taking turns.
  it("lets three simultaneous runs on a fresh database all succeed and apply each migration once", async () => {
    const fresh = await openFreshDatabase(t.kind);
    try {
      await Promise.all([migrateDatabase(fresh.database), migrateDatabase(fresh.database), migrateDatabase(fresh.database)]);
      const rows = await appliedMigrations(fresh.database.db);
      expect(rows.map((row) => Number(row.created_at))).toEqual(journal.entries.map((entry) => entry.when));
    } finally {
      await fresh.drop();
    }
  });
});

/** An empty PostgreSQL database: the suite's test database is already migrated. */
async function openFreshDatabase(kind: "pglite" | "postgres"): Promise<{ database: OpenDatabase; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const database = await openDatabase({ kind: "pglite" });
    return { database, drop: () => database.close() };
  }
  const name = `usher_migrate_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ kind: "postgres", url: withDatabase(postgresAdminUrl, name), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
