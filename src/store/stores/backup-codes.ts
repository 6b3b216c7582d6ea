// Backup codes: a set of ten single-use codes per account, kept only as keyed digests.
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { BackupCodeStore } from "../../core/mfa/ports";
import type { Database } from "../database";
import { backupCode } from "../schema";

export function createBackupCodeStore(db: Database): BackupCodeStore {
  return {
    async replaceAll(accountId, codes) {
      // Both statements or neither: the old set must not survive a failed insert of the new.
      await db.transaction(async (tx) => {
        await tx.delete(backupCode).where(eq(backupCode.accountId, accountId));
        if (codes.length > 0) await tx.insert(backupCode).values(codes);
      });
    },

    async consume(accountId, codeHash, at) {
      const used = await db
        .update(backupCode)
        .set({ usedAt: at })
        .where(and(eq(backupCode.accountId, accountId), eq(backupCode.codeHash, codeHash), isNull(backupCode.usedAt)))
        .returning({ id: backupCode.id });
      return used.length === 1;
    },

    async isSpent(accountId, codeHash) {
      const [row] = await db
        .select({ id: backupCode.id })
        .from(backupCode)
        .where(and(eq(backupCode.accountId, accountId), eq(backupCode.codeHash, codeHash), isNotNull(backupCode.usedAt)));
      return row !== undefined;
    },

    async countUnused(accountId) {
      const [row] = await db
        .select({ n: count() })
        .from(backupCode)
        .where(and(eq(backupCode.accountId, accountId), isNull(backupCode.usedAt)));
      return Number(row?.n ?? 0);
    },

    async deleteAll(accountId) {
      await db.delete(backupCode).where(eq(backupCode.accountId, accountId));
    },
  };
}
