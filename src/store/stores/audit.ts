// The security log: every sign-in, sign-out and credential change of an account, append-only.
import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { AuditStore } from "../../core/ports";
import type { Database } from "../database";
import { auditEvent } from "../schema";

export function createAuditStore(db: Database): AuditStore {
  return {
    async record(event) {
      await db.insert(auditEvent).values({ ...event, id: randomUUID() });
    },

    async listByAccount(accountId, limit) {
      const rows = await db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.accountId, accountId))
        .orderBy(desc(auditEvent.at))
        .limit(limit);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },
  };
}
