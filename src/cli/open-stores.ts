// The database for a command that reads or changes what the service runs with (clients,
// webhooks): opened and migrated like `usher migrate` does, closed before the command ends.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Stores } from "../core/ports";
import type { ServerConfig } from "../server/config";

export async function withStores<T>(config: ServerConfig, work: (stores: Stores) => Promise<T>): Promise<T> {
  refuseEmbeddedInUse(config);
  const { openDatabase } = await import("../store/database");
  const { migrateDatabase } = await import("../store/migrate");
  const { createStores } = await import("../store/stores");
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    return await work(createStores(database.db));
  } finally {
    await database.close();
  }
}

/**
 * PGlite takes no lock: a second process opens a folder a running server has open without a
 * word, and the two then hand out the same transaction ids and overwrite each other's
 * write-ahead log. While open, PGlite keeps a postmaster.pid in the folder (its PID is a
 * placeholder, so only its presence tells anything); one killed outright leaves it behind.
 */
export function refuseEmbeddedInUse(config: ServerConfig): void {
  if (config.database.kind !== "pglite" || !config.database.dataDir) return;
  const marker = join(config.database.dataDir, "postmaster.pid");
  if (!existsSync(marker)) return;
  throw new Error(
    `The embedded database in ${config.dataDir} is in use by a running Usher: stop it first, or use PostgreSQL (DATABASE_URL).\n` +
      `If no Usher is running (one was killed and left it behind), delete ${marker} and try again.`,
  );
}
