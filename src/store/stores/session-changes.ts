// The session changes the current transaction has logged: the database's triggers keep them in
// a transaction-local setting (migration 0006), read here just before the commit.
import { sql } from "drizzle-orm";
import type { SessionChange, SessionChangeStore } from "../../core/session-changes/ports";
import type { Database } from "../database";

export function createSessionChangeStore(db: Database): SessionChangeStore {
  return {
    async loggedInThisTransaction() {
      // Both drivers answer raw SQL with `rows`; Drizzle types the result per driver.
      const result = (await db.execute(sql`select current_setting('usher.session_changes', true) as logged`)) as unknown as {
        rows: { logged: string | null }[];
      };
      return parseLogged(result.rows[0]?.logged ?? null);
    },
  };
}

/** "account=seq account=seq " → changes. */
export function parseLogged(logged: string | null): SessionChange[] {
  if (!logged) return [];
  return logged
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((pair) => {
      const [accountId = "", seq = ""] = pair.split("=");
      return { accountId, seq: Number(seq) };
    });
}
