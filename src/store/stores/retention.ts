// The retention purge's deletes: each removes up to `limit` of the oldest rows past a cutoff in
// one statement, ordered by the expression the schema indexes. The cutoff is checked again
// on the rows themselves, so a row changed while the statement waited for it is removed only if
// it still qualifies.
//
// The records of sent emails and texts stay past the messages cutoff until the audit period
// ends, so the two outbox statements that look past that cutoff read them every round and skip
// them: the round's cost grows with the records kept (about 80 ms a statement per 500,000 here).
import { and, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { RetentionStore } from "../../core/retention/ports";
import type { Database } from "../database";
import { auditEvent, outbox, session, stream } from "../schema";

/** Any 64-bit number of Usher's own: "purge" in ASCII. */
export const PURGE_LOCK_KEY = "483006768997";

const sessionEnded = sql`coalesce(${session.revokedAt}, ${session.expiresAt})`;
const messageFinished = sql`coalesce(${outbox.sentAt}, ${outbox.failedAt})`;
const aboutAnAccount = and(inArray(outbox.channel, ["email", "sms"]), isNotNull(outbox.accountId));
const notEmptied = sql`(${outbox.recipient} <> '' or ${outbox.payload} <> '{}'::jsonb or ${outbox.lastError} is not null)`;

export function createRetentionStore(db: Database): RetentionStore {
  /** Deletes up to `limit` rows of `table` that match `where`, oldest by `age` first; answers how many. */
  async function deleteOldest(table: PgTable, id: PgColumn, where: SQL | undefined, age: SQL | PgColumn, limit: number) {
    const oldest = db.select({ id }).from(table).where(where).orderBy(age).limit(limit);
    const deleted = await db
      .delete(table)
      .where(and(inArray(id, oldest), where))
      .returning({ id });
    return deleted.length;
  }

  return {
    async takePurgeTurn() {
      const result = (await db.execute(sql`select pg_try_advisory_xact_lock(${PURGE_LOCK_KEY}::bigint) as taken`)) as unknown as {
        rows: { taken: boolean }[];
      };
      return result.rows[0]?.taken === true;
    },

    // A stream's row names its session (and goes with it): a session whose ended streams are still
    // kept stays until the streams' own period has taken them.
    deleteEndedSessions: (endedBefore, limit) =>
      deleteOldest(
        session,
        session.id,
        and(
          lt(sessionEnded, endedBefore),
          sql`not exists (select 1 from ${stream} where ${stream.sessionId} = ${session.id} and ${stream.endedAt} is not null)`,
        ),
        sessionEnded,
        limit,
      ),

    deleteEndedStreams: (endedBefore, limit) => deleteOldest(stream, stream.id, lt(stream.endedAt, endedBefore), stream.endedAt, limit),

    deleteAuditEvents: (before, limit) => deleteOldest(auditEvent, auditEvent.id, lt(auditEvent.at, before), auditEvent.at, limit),

    deleteFinishedDeliveries: (finishedBefore, limit) =>
      deleteOldest(
        outbox,
        outbox.id,
        and(lt(messageFinished, finishedBefore), or(eq(outbox.channel, "webhook"), isNull(outbox.accountId))),
        messageFinished,
        limit,
      ),

    deleteMessageRecords: (finishedBefore, limit) =>
      deleteOldest(outbox, outbox.id, and(lt(messageFinished, finishedBefore), aboutAnAccount), messageFinished, limit),

    async emptyFinishedMessages(finishedBefore, limit) {
      const due = and(lt(messageFinished, finishedBefore), aboutAnAccount, notEmptied);
      const oldest = db.select({ id: outbox.id }).from(outbox).where(due).orderBy(messageFinished).limit(limit);
      const emptied = await db
        .update(outbox)
        .set({ recipient: "", payload: {}, lastError: null })
        .where(and(inArray(outbox.id, oldest), due))
        .returning({ id: outbox.id });
      return emptied.length;
    },
  };
}
