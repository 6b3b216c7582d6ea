// The session changes the current transaction has logged: the database's triggers keep them in
// a transaction-local setting under the transaction's id (migration 0006), read here just
// before the commit. A transaction that wrote nothing has no id, and logged nothing.
//
// The same statement writes the unit of work's audit events and outbox messages, each kind in
// one insert of its own (a data-modifying WITH), so that a unit's append-only rows cost no
// round trip of their own. Neither table has a trigger that logs a change, so the setting read
// beside them is the one the unit's earlier statements left.
import { type SQL, sql } from "drizzle-orm";
import type { AppendedRows, SessionChange, SessionChangeStore } from "../../core/session-changes/ports";
import type { Database } from "../database";
import { auditEvent, outbox } from "../schema";
import { auditRow } from "./audit";
import { outboxRow } from "./outbox";

const nothingAppended: AppendedRows = { audit: [], outbox: [] };

export function createSessionChangeStore(db: Database): SessionChangeStore {
  return {
    async loggedInThisTransaction(appending = nothingAppended) {
      // Drizzle puts an embedded query in parentheses, as a WITH item needs.
      const writes: SQL[] = [];
      if (appending.audit.length > 0) writes.push(sql`appended_audit as ${db.insert(auditEvent).values(appending.audit.map(auditRow))}`);
      if (appending.outbox.length > 0) writes.push(sql`appended_outbox as ${db.insert(outbox).values(appending.outbox.map(outboxRow))}`);
      const withWrites = writes.length > 0 ? sql`with ${sql.join(writes, sql`, `)} ` : sql``;
      // Both drivers answer raw SQL with `rows`; Drizzle types the result per driver.
      const result = (await db.execute(
        sql`${withWrites}select current_setting('usher.session_changes', true) as logged, txid_current_if_assigned()::text as transaction`,
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
