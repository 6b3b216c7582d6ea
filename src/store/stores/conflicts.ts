// Runs one statement that may hit a unique index without spoiling the caller's transaction.
// In PostgreSQL a failed statement aborts the whole enclosing transaction, so the statement
// runs inside a savepoint (Drizzle's nested transaction) that alone is rolled back.
import { type Database, postgresErrorCode, UNIQUE_VIOLATION } from "../database";

/** Answers `work`'s result, or `onConflict` when it broke a unique index. */
export async function unlessUniqueViolation<T, C>(db: Database, work: (tx: Database) => Promise<T>, onConflict: C): Promise<T | C> {
  try {
    return await db.transaction((tx) => work(tx));
  } catch (error) {
    if (postgresErrorCode(error) === UNIQUE_VIOLATION) return onConflict;
    throw error;
  }
}
