// Short codes sent to prove control of something (a phone number): stored as an HMAC, counted
// on every guess, and redeemed by one conditional update so only one request wins.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { CodePurpose, OneTimeCodeRecord, OneTimeCodeStore } from "../../core/code-flows/ports";
import type { Database } from "../database";
import { oneTimeCode } from "../schema";

type CodeRow = typeof oneTimeCode.$inferSelect;

const toRecord = (row: CodeRow): OneTimeCodeRecord => ({ ...row, purpose: row.purpose as CodePurpose });

export function createOneTimeCodeStore(db: Database): OneTimeCodeStore {
  return {
    async replace(code) {
      // Both statements or neither: a retired code must never outlive its replacement's
      // failed insert (a savepoint when the caller already holds a transaction).
      await db.transaction(async (tx) => {
        await tx
          .update(oneTimeCode)
          .set({ usedAt: code.createdAt })
          .where(and(eq(oneTimeCode.accountId, code.accountId), eq(oneTimeCode.purpose, code.purpose), isNull(oneTimeCode.usedAt)));
        await tx.insert(oneTimeCode).values(code);
      });
    },

    async findActive(accountId, purpose) {
      const [row] = await db
        .select()
        .from(oneTimeCode)
        .where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.usedAt)))
        .orderBy(desc(oneTimeCode.createdAt))
        .limit(1);
      return row ? toRecord(row) : null;
    },

    async recordAttempt(id) {
      // Incremented in the database, not read-modify-write, so racing guesses all count.
      const [row] = await db
        .update(oneTimeCode)
        .set({ attempts: sql`${oneTimeCode.attempts} + 1` })
        .where(eq(oneTimeCode.id, id))
        .returning({ attempts: oneTimeCode.attempts });
      if (!row) throw new Error(`one-time code ${id} does not exist`);
      return row.attempts;
    },

    async consume(id, at) {
      const used = await db
        .update(oneTimeCode)
        .set({ usedAt: at })
        .where(and(eq(oneTimeCode.id, id), isNull(oneTimeCode.usedAt)))
        .returning({ id: oneTimeCode.id });
      return used.length === 1;
    },
  };
}
