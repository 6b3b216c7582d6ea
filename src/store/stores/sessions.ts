// Signed-in devices: one row per session, read on every request, revoked in single statements
// so that "sign out of all devices" cannot miss a device that signs in meanwhile.
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import type { DeviceKind } from "../../contract/schemas/common";
import type { Plan } from "../../core/accounts/ports";
import type { RevokedReason, SessionInUse, SessionRecord, SessionStore } from "../../core/sessions/ports";
import { ACCOUNT_LOCKED, type Database, postgresErrorCode } from "../database";
import { account, profile, session } from "../schema";
import { batchedLookup } from "./batched-lookup";
import { preparedOnce } from "./prepared";
import { toProfileRecord } from "./profiles";

type SessionRow = typeof session.$inferSelect;

const toRecord = (row: SessionRow): SessionRecord => ({
  ...row,
  deviceKind: row.deviceKind as DeviceKind,
  aal: row.aal === 2 ? 2 : 1,
  revokedReason: row.revokedReason as RevokedReason | null,
});

export function createSessionStore(db: Database): SessionStore {
  // Read on every authenticated request.
  const byId = preparedOnce(() =>
    db
      .select()
      .from(session)
      .where(eq(session.id, sql.placeholder("id")))
      .prepare("usher_session_by_id"),
  );

  // Read by every authenticated request: session, account email and plan, and profile in use, for all the
  // requests of one event-loop turn in one statement (see batched-lookup.ts for why this never
  // serves a revoked session).
  const inUseByIds = preparedOnce(() =>
    db
      .select({ session, accountEmail: account.email, accountEmailVerifiedAt: account.emailVerifiedAt, accountPlan: account.plan, profile })
      .from(session)
      .innerJoin(account, eq(account.id, session.accountId))
      .leftJoin(profile, and(eq(profile.id, session.profileId), eq(profile.accountId, session.accountId)))
      .where(sql`${session.id} = any(${sql.placeholder("ids")})`)
      .prepare("usher_sessions_in_use"),
  );
  const findInUse = batchedLookup(async (ids: string[]) => {
    const rows = await inUseByIds().execute({ ids });
    return new Map(
      rows.map((row): [string, SessionInUse] => [
        row.session.id,
        {
          session: toRecord(row.session),
          accountEmail: row.accountEmail,
          accountEmailVerified: row.accountEmailVerifiedAt !== null,
          accountPlan: row.accountPlan as Plan,
          profile: row.profile && toProfileRecord(row.profile),
        },
      ]),
    );
  });

  return {
    async create(record) {
      try {
        await db.insert(session).values(record);
        return "created";
      } catch (error) {
        if (postgresErrorCode(error) === ACCOUNT_LOCKED) return "account_locked";
        throw error;
      }
    },

    async findById(id) {
      const [row] = await byId().execute({ id });
      return row ? toRecord(row) : null;
    },

    async findInUse(id) {
      return (await findInUse(id)) ?? null;
    },

    async touch(id, seen, staleBefore) {
      // The staleness test sits in the WHERE clause so that busy devices cost a read, not
      // a write, and concurrent requests of one device write at most once.
      await db
        .update(session)
        .set({ lastSeenAt: seen.at, ip: seen.ip, expiresAt: seen.expiresAt })
        .where(and(eq(session.id, id), lt(session.lastSeenAt, staleBefore)));
    },

    async setProfile(target, profileId) {
      await db.update(session).set({ profileId }).where(eq(session.id, target.id));
    },

    async revoke(target, at, reason) {
      // Only a live row: the first revocation's time and reason are the ones kept.
      const revoked = await db
        .update(session)
        .set({ revokedAt: at, revokedReason: reason })
        .where(and(eq(session.id, target.id), isNull(session.revokedAt)))
        .returning({ id: session.id });
      return revoked.length === 1;
    },

    async revokeAllForAccount(accountId, at, reason, exceptSessionId) {
      const revoked = await db
        .update(session)
        .set({ revokedAt: at, revokedReason: reason })
        .where(
          and(
            eq(session.accountId, accountId),
            isNull(session.revokedAt),
            exceptSessionId === undefined ? undefined : ne(session.id, exceptSessionId),
          ),
        )
        .returning({ id: session.id });
      return revoked.map((row) => row.id);
    },

    async listLive(accountId, now) {
      const rows = await db
        .select()
        .from(session)
        .where(and(eq(session.accountId, accountId), isNull(session.revokedAt), gt(session.expiresAt, now)))
        .orderBy(desc(session.lastSeenAt));
      return rows.map(toRecord);
    },

    async listForAccount(accountId) {
      const rows = await db.select().from(session).where(eq(session.accountId, accountId)).orderBy(desc(session.createdAt));
      return rows.map(toRecord);
    },
  };
}
