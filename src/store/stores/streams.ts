// The streams an account holds, and the lock that makes starting one take turns.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { DeviceKind } from "../../contract/schemas/common";
import type { StreamEndReason, StreamStore } from "../../core/streams/ports";
import type { Database } from "../database";
import { account, profile, session, stream } from "../schema";

export function createStreamStore(db: Database): StreamStore {
  return {
    async lockAccountForStreams(accountId) {
      const [row] = await db.select({ plan: account.plan }).from(account).where(eq(account.id, accountId)).for("update");
      return (row?.plan as "basic" | "standard" | "premium" | undefined) ?? null;
    },

    async listLive(accountId, liveSince) {
      const rows = await db
        .select({
          streamId: stream.id,
          sessionId: stream.sessionId,
          deviceKind: session.deviceKind,
          deviceName: session.deviceName,
          profileName: profile.name,
          titleId: stream.titleId,
          since: stream.startedAt,
        })
        .from(stream)
        .innerJoin(session, eq(session.id, stream.sessionId))
        .leftJoin(profile, eq(profile.id, stream.profileId))
        .where(
          and(eq(stream.accountId, accountId), isNull(stream.endedAt), isNull(session.revokedAt), gt(stream.lastHeartbeatAt, liveSince)),
        )
        .orderBy(stream.startedAt);
      return rows.map(({ deviceKind, deviceName, ...row }) => ({ ...row, device: { kind: deviceKind, name: deviceName } }));
    },

    async create(record) {
      await db.insert(stream).values(record);
    },

    async find(accountId, id) {
      const [row] = await db
        .select()
        .from(stream)
        .where(and(eq(stream.id, id), eq(stream.accountId, accountId)));
      return row ? { ...row, endedReason: row.endedReason as StreamEndReason | null } : null;
    },

    async heartbeat(sessionId, id, at, liveSince) {
      const kept = await db
        .update(stream)
        .set({ lastHeartbeatAt: at })
        .where(and(eq(stream.id, id), eq(stream.sessionId, sessionId), isNull(stream.endedAt), gt(stream.lastHeartbeatAt, liveSince)))
        .returning({ id: stream.id });
      return kept.length > 0;
    },

    async end(id, at, reason) {
      const ended = await db
        .update(stream)
        .set({ endedAt: at, endedReason: reason })
        .where(and(eq(stream.id, id), isNull(stream.endedAt)))
        .returning({ id: stream.id });
      return ended.length > 0;
    },

    async moveToSession(fromSessionId, toSessionId) {
      await db
        .update(stream)
        .set({ sessionId: toSessionId })
        .where(and(eq(stream.sessionId, fromSessionId), isNull(stream.endedAt)));
    },

    async listActivity(accountId, since, limit, before, profileId) {
      const rows = await db
        .select({
          id: stream.id,
          titleId: stream.titleId,
          profileName: profile.name,
          deviceKind: session.deviceKind,
          deviceName: session.deviceName,
          startedAt: stream.startedAt,
          lastHeartbeatAt: stream.lastHeartbeatAt,
          endedAt: stream.endedAt,
        })
        .from(stream)
        .innerJoin(session, eq(session.id, stream.sessionId))
        .leftJoin(profile, eq(profile.id, stream.profileId))
        .where(
          and(
            eq(stream.accountId, accountId),
            profileId === undefined ? undefined : eq(stream.profileId, profileId),
            gte(stream.startedAt, since),
            before && or(lt(stream.startedAt, before.at), and(eq(stream.startedAt, before.at), lt(stream.id, before.id))),
          ),
        )
        .orderBy(desc(stream.startedAt), desc(stream.id))
        .limit(limit);
      return rows.map(({ deviceKind, deviceName, ...row }) => ({ ...row, device: { kind: deviceKind as DeviceKind, name: deviceName } }));
    },

    async endedSince(sessionId, since) {
      const rows = await db
        .select({ id: stream.id, titleId: stream.titleId, endedAt: stream.endedAt, reason: stream.endedReason })
        .from(stream)
        .where(and(eq(stream.sessionId, sessionId), gte(stream.endedAt, since)))
        .orderBy(asc(stream.endedAt));
      return rows.map((row) => ({ ...row, endedAt: row.endedAt!, reason: (row.reason ?? "stopped") as StreamEndReason }));
    },

    async endSignedOut(accountIds, at) {
      if (accountIds.length === 0) return;
      const revoked = db
        .select({ id: session.id })
        .from(session)
        .where(and(inArray(session.accountId, [...accountIds]), isNotNull(session.revokedAt)));
      await db
        .update(stream)
        .set({ endedAt: at, endedReason: "signed_out" })
        .where(and(inArray(stream.accountId, [...accountIds]), isNull(stream.endedAt), inArray(stream.sessionId, revoked)));
    },
  };
}
