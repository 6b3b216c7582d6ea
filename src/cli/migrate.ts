// usher migrate: brings the database schema up to date, then exits.
import { openDatabase } from "../store/database";
import { migrateDatabase } from "../store/migrate";
import { readConfig } from "../server/config";

export const migrateCommand = {
  summary: "Apply database migrations (also done at every start)",
  async run(): Promise<void> {
    const config = readConfig();
    const database = await openDatabase(config.database);
    try {
      await migrateDatabase(database);
      console.log(`Database is up to date (${config.mode === "embedded" ? config.database.kind === "pglite" && config.database.dataDir : "PostgreSQL"}).`);
    } finally {
      await database.close();
    }
  },
};
