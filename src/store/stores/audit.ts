// The security log: every sign-in, sign-out and credential change of an account, append-only.
import { randomUUID } from "node:crypto";
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { AuditEventInput, AuditStore } from "../../core/audit/ports";
import type { Database } from "../database";
import { auditEvent } from "../schema";

/** The row an event is stored as. */
export const auditRow = (event: AuditEventInput) => ({ ...event, id: randomUUID() });

export function createAuditStore(db: Database): AuditStore {
  return {
    async record(event) {
      await db.insert(auditEvent).values(auditRow(event));
    },

    async listByAccount(accountId, limit) {
      const rows = await db.select().from(auditEvent).where(eq(auditEvent.accountId, accountId)).orderBy(desc(auditEvent.at)).limit(limit);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },

    async listPage(accountId, limit, before) {
      // (at, id) orders events that share a timestamp, so a page boundary never skips or repeats one.
      const after = before ? or(lt(auditEvent.at, before.at), and(eq(auditEvent.at, before.at), lt(auditEvent.id, before.id))) : undefined;
      const rows = await db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.accountId, accountId), after))
        .orderBy(desc(auditEvent.at), desc(auditEvent.id))
        .limit(limit);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },
  };
}
