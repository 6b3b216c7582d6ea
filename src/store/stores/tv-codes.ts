// TV sign-in flows (RFC 8628 device authorization). Every change of state is one conditional
// update, so racing polls or racing approvals have exactly one winner.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { TvCodeRecord, TvCodeStatus, TvCodeStore } from "../../core/tv-sign-in/ports";
import type { Database } from "../database";
import { tvCode } from "../schema";
import { unlessUniqueViolation } from "./conflicts";

type TvCodeRow = typeof tvCode.$inferSelect;

const toRecord = (row: TvCodeRow): TvCodeRecord => ({ ...row, status: row.status as TvCodeStatus });

export function createTvCodeStore(db: Database): TvCodeStore {
  return {
    async create(record) {
      return unlessUniqueViolation(
        db,
        async (tx) => {
          await tx.insert(tvCode).values(record);
          return true;
        },
        false,
      );
    },

    async findByDeviceCodeHash(deviceCodeHash) {
      const [row] = await db.select().from(tvCode).where(eq(tvCode.deviceCodeHash, deviceCodeHash));
      return row ? toRecord(row) : null;
    },

    async findByUserCode(userCode) {
      const [row] = await db.select().from(tvCode).where(eq(tvCode.userCode, userCode)).orderBy(desc(tvCode.createdAt)).limit(1);
      return row ? toRecord(row) : null;
    },

    async recordPoll(id, seenLastPolledAt, at, intervalSec) {
      const polled = await db
        .update(tvCode)
        .set({ lastPolledAt: at, intervalSec })
        .where(
          and(
            eq(tvCode.id, id),
            eq(tvCode.status, "pending"),
            seenLastPolledAt === null ? isNull(tvCode.lastPolledAt) : eq(tvCode.lastPolledAt, seenLastPolledAt),
          ),
        )
        .returning({ id: tvCode.id });
      return polled.length === 1;
    },

    async decide(id, decision) {
      const decided = await db
        .update(tvCode)
        .set({ status: decision.status, accountId: decision.accountId, profileId: decision.profileId, decidedAt: decision.at })
        .where(and(eq(tvCode.id, id), eq(tvCode.status, "pending"), gt(tvCode.expiresAt, decision.at)))
        .returning({ id: tvCode.id });
      return decided.length === 1;
    },

    async redeem(id, sessionId) {
      // The whole race protection: only the update that still sees 'approved' returns a row.
      const redeemed = await db
        .update(tvCode)
        .set({ status: "redeemed", sessionId })
        .where(and(eq(tvCode.id, id), eq(tvCode.status, "approved")))
        .returning({ id: tvCode.id });
      return redeemed.length === 1;
    },
  };
}
