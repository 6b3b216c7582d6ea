// Short-lived sign-in flows (two-step challenges, WebAuthn ceremonies): found by the digest
// of the handle the client holds, counted on every guess, redeemed by one conditional update.
import { and, eq, gt, sql } from "drizzle-orm";
import type { AuthFlowKind, AuthFlowRecord, AuthFlowStatus, AuthFlowStore } from "../../core/mfa/ports";
import type { Database } from "../database";
import { authFlow } from "../schema";

type FlowRow = typeof authFlow.$inferSelect;

const toRecord = (row: FlowRow): AuthFlowRecord => ({
  ...row,
  kind: row.kind as AuthFlowKind,
  status: row.status as AuthFlowStatus,
  details: (row.details ?? {}) as Record<string, unknown>,
});

export function createAuthFlowStore(db: Database): AuthFlowStore {
  return {
    async create(flow) {
      await db.insert(authFlow).values(flow);
    },

    async findByHandle(kind, handleHash) {
      const [row] = await db
        .select()
        .from(authFlow)
        .where(and(eq(authFlow.kind, kind), eq(authFlow.handleHash, handleHash)));
      return row ? toRecord(row) : null;
    },

    async recordAttempt(id) {
      const [row] = await db
        .update(authFlow)
        .set({ attempts: sql`${authFlow.attempts} + 1` })
        .where(eq(authFlow.id, id))
        .returning({ attempts: authFlow.attempts });
      if (!row) throw new Error(`auth flow ${id} does not exist`);
      return row.attempts;
    },

    async redeem(id, at) {
      const redeemed = await db
        .update(authFlow)
        .set({ status: "redeemed" })
        .where(and(eq(authFlow.id, id), eq(authFlow.status, "pending"), gt(authFlow.expiresAt, at)))
        .returning({ id: authFlow.id });
      return redeemed.length === 1;
    },
  };
}
