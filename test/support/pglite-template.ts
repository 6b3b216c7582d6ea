// Vitest global setup: one migrated PGlite, dumped once per run, which every PGlite test
// database starts from. Creating a data folder (initdb) costs each test file about a second
// of CPU; loading the dump costs a quarter of that, and the migrations then find nothing to do.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/store/database";
import { migrateDatabase } from "../../src/store/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The file holding the migrated PGlite dump (see createTestDatabase). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await openDatabase({ kind: "pglite" });
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await database.close();
  const file = join(tmpdir(), `usher-pglite-template-${process.pid}-${Date.now()}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => rmSync(file, { force: true });
}
