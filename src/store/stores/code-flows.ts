// Codes asked for by address (sign-in codes, password resets): one row per request, decided
// once when its message goes out, counted on every guess, redeemed by one conditional update.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { CodeFlowPurpose, CodeFlowRecord, CodeFlowStatus, CodeFlowStore, CodeRequester } from "../../core/code-flows/ports";
import type { MessageChannel } from "../../core/delivery/ports";
import type { Database } from "../database";
import { codeFlow } from "../schema";

type CodeFlowRow = typeof codeFlow.$inferSelect;

const toRecord = (row: CodeFlowRow): CodeFlowRecord => ({
  ...row,
  purpose: row.purpose as CodeFlowPurpose,
  channel: row.channel as MessageChannel,
  status: row.status as CodeFlowStatus,
  requester: row.requester as CodeRequester,
});

export function createCodeFlowStore(db: Database): CodeFlowStore {
  return {
    async create(flow) {
      await db.insert(codeFlow).values(flow);
    },

    async find(id) {
      const [row] = await db.select().from(codeFlow).where(eq(codeFlow.id, id));
      return row ? toRecord(row) : null;
    },

    async decide(id, decision) {
      const decided = await db
        .update(codeFlow)
        .set(decision.status === "sent" ? { status: "sent", accountId: decision.accountId } : { status: "withheld" })
        .where(and(eq(codeFlow.id, id), eq(codeFlow.status, "requested")))
        .returning({ id: codeFlow.id });
      return decided.length === 1;
    },

    async recordAttempt(id) {
      const [row] = await db
        .update(codeFlow)
        .set({ attempts: sql`${codeFlow.attempts} + 1` })
        .where(eq(codeFlow.id, id))
        .returning({ attempts: codeFlow.attempts });
      if (!row) throw new Error(`code flow ${id} does not exist`);
      return row.attempts;
    },

    async redeem(id, at) {
      const redeemed = await db
        .update(codeFlow)
        .set({ status: "redeemed" })
        .where(and(eq(codeFlow.id, id), eq(codeFlow.status, "sent"), gt(codeFlow.expiresAt, at)))
        .returning({ id: codeFlow.id });
      return redeemed.length === 1;
    },

    async retireAll(accountId, purpose) {
      const retired = await db
        .update(codeFlow)
        .set({ status: "retired" })
        .where(and(eq(codeFlow.accountId, accountId), eq(codeFlow.purpose, purpose), inArray(codeFlow.status, ["requested", "sent"])))
        .returning({ id: codeFlow.id });
      return retired.length;
    },

    async eraseAddressedTo(addresses) {
      if (addresses.length === 0) return 0;
      const erased = await db
        .delete(codeFlow)
        .where(inArray(codeFlow.address, [...addresses]))
        .returning({ id: codeFlow.id });
      return erased.length;
    },
  };
}
