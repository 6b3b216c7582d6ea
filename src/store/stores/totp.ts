// The account's authenticator app: its encrypted secret, whether it is on, and the last time
// step a code was accepted for (so a code is never accepted twice).
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { TotpStore } from "../../core/mfa/ports";
import type { Database } from "../database";
import { mfaTotp } from "../schema";

export function createTotpStore(db: Database): TotpStore {
  return {
    async find(accountId) {
      const [row] = await db.select().from(mfaTotp).where(eq(mfaTotp.accountId, accountId));
      return row ?? null;
    },

    async savePending(record) {
      // A pending set-up is replaced; an enabled one is never overwritten by a new set-up.
      const saved = await db
        .insert(mfaTotp)
        .values({ ...record, enabledAt: null, lastUsedStep: null })
        .onConflictDoUpdate({
          target: mfaTotp.accountId,
          set: { secretEncrypted: record.secretEncrypted, createdAt: record.createdAt, lastUsedStep: null },
          setWhere: isNull(mfaTotp.enabledAt),
        })
        .returning({ accountId: mfaTotp.accountId });
      return saved.length === 1;
    },

    async enable(accountId, at, step) {
      const enabled = await db
        .update(mfaTotp)
        .set({ enabledAt: at, lastUsedStep: step })
        .where(and(eq(mfaTotp.accountId, accountId), isNull(mfaTotp.enabledAt)))
        .returning({ accountId: mfaTotp.accountId });
      return enabled.length === 1;
    },

    async consumeStep(accountId, step) {
      // The comparison sits in the WHERE clause: two requests with the same code race on
      // one row, and only one of them moves last_used_step forward.
      const used = await db
        .update(mfaTotp)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(mfaTotp.accountId, accountId),
            isNotNull(mfaTotp.enabledAt),
            or(isNull(mfaTotp.lastUsedStep), lt(mfaTotp.lastUsedStep, step)),
          ),
        )
        .returning({ accountId: mfaTotp.accountId });
      return used.length === 1;
    },

    async delete(accountId) {
      const deleted = await db.delete(mfaTotp).where(eq(mfaTotp.accountId, accountId)).returning({ id: mfaTotp.accountId });
      return deleted.length === 1;
    },
  };
}
