// The session changes the current transaction has logged: the database's triggers keep them in
// a transaction-local setting under the transaction's id (migration 0006), read here just
// before the commit. A transaction that wrote nothing has no id, and logged nothing.
import { sql } from "drizzle-orm";
import type { SessionChange, SessionChangeStore } from "../../core/session-changes/ports";
import type { Database } from "../database";

export function createSessionChangeStore(db: Database): SessionChangeStore {
  return {
    async loggedInThisTransaction() {
      // Both drivers answer raw SQL with `rows`; Drizzle types the result per driver.
      const result = (await db.execute(
        sql`select current_setting('usher.session_changes', true) as logged, txid_current_if_assigned()::text as transaction`,
      )) as unknown as { rows: { logged: string | null; transaction: string | null }[] };
      const row = result.rows[0];
      return row?.transaction ? parseLogged(row.logged, row.transaction) : [];
    },
  };
}

/** "<xid> account=seq account=seq" → changes, when it is this transaction's. */
export function parseLogged(logged: string | null, transaction: string): SessionChange[] {
  const [loggedBy, ...pairs] = (logged ?? "").split(" ");
  if (loggedBy !== transaction) return [];
  return pairs.filter(Boolean).map((pair) => {
    const [accountId = "", seq = ""] = pair.split("=");
    return { accountId, seq: Number(seq) };
  });
}
