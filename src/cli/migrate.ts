// usher migrate: brings the database schema up to date, then exits. Like serve, it reads the
// configuration before it loads the database modules.
import { readConfig } from "../server/config";
import { refuseEmbeddedInUse } from "./open-stores";

export async function run(): Promise<void> {
  const config = readConfig();
  refuseEmbeddedInUse(config);
  const { openDatabase } = await import("../store/database");
  const { migrateDatabase } = await import("../store/migrate");
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    console.log(`Database is up to date (${config.database.kind === "pglite" ? config.database.dataDir : "PostgreSQL"}).`);
  } finally {
    await database.close();
  }
}
