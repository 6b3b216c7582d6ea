// Passkeys (WebAuthn credentials): several per account, named by their owner.
import { and, asc, eq } from "drizzle-orm";
import type { PasskeyRecord, PasskeyStore } from "../../core/mfa/ports";
import type { Database } from "../database";
import { passkey, passkeySecondStep } from "../schema";

type PasskeyRow = typeof passkey.$inferSelect;

const toRecord = (row: PasskeyRow): PasskeyRecord => ({
  ...row,
  transports: Array.isArray(row.transports) ? (row.transports as string[]) : [],
});

export function createPasskeyStore(db: Database): PasskeyStore {
  return {
    async create(record) {
      const inserted = await db.insert(passkey).values(record).onConflictDoNothing().returning({ id: passkey.id });
      return inserted.length === 1;
    },

    async findById(id) {
      const [row] = await db.select().from(passkey).where(eq(passkey.id, id));
      return row ? toRecord(row) : null;
    },

    async isSecondStep(accountId) {
      const rows = await db
        .select({ accountId: passkeySecondStep.accountId })
        .from(passkeySecondStep)
        .where(eq(passkeySecondStep.accountId, accountId));
      return rows.length === 1;
    },

    async setSecondStep(accountId, since) {
      const changed = since
        ? await db
            .insert(passkeySecondStep)
            .values({ accountId, since })
            .onConflictDoNothing()
            .returning({ accountId: passkeySecondStep.accountId })
        : await db
            .delete(passkeySecondStep)
            .where(eq(passkeySecondStep.accountId, accountId))
            .returning({ accountId: passkeySecondStep.accountId });
      return changed.length === 1;
    },

    async listByAccount(accountId) {
      const rows = await db.select().from(passkey).where(eq(passkey.accountId, accountId)).orderBy(asc(passkey.createdAt), asc(passkey.id));
      return rows.map(toRecord);
    },

    async rename(accountId, id, name) {
      const [row] = await db
        .update(passkey)
        .set({ name })
        .where(and(eq(passkey.accountId, accountId), eq(passkey.id, id)))
        .returning();
      return row ? toRecord(row) : null;
    },

    async delete(accountId, id) {
      const deleted = await db
        .delete(passkey)
        .where(and(eq(passkey.accountId, accountId), eq(passkey.id, id)))
        .returning({ id: passkey.id });
      return deleted.length === 1;
    },

    async recordUse(id, counter, at) {
      await db.update(passkey).set({ counter, lastUsedAt: at }).where(eq(passkey.id, id));
    },
  };
}
