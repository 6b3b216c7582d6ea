// Watching: starting a stream takes a screen if the plan has one free, a player's heartbeats
// keep it, and it ends when the player stops, another device stops it, its heartbeats lapse, or
// its session is signed out (the unit of work ends those in the signing-out transaction).
//
// Two devices racing for the last screen: exactly one wins. Under READ COMMITTED an insert
// guarded by a count lets both in, so a start locks the account row first, then counts, then
// inserts, in one transaction: starts of one account take turns.
import { auditEvent } from "../audit/events";
import { mayWatch } from "../catalogue/may-watch";
import { findTitle } from "../catalogue/titles";
import { randomToken } from "../crypto/random";
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result, type Success } from "../result";
import type { SessionInUse, SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import type { StreamEndReason, StreamRecord, WatchingNow } from "./ports";

export interface StartedStream {
  stream: StreamRecord;
  heartbeatMs: number;
  /** When the screen is freed if no heartbeat comes. */
  expiresAt: Date;
}

export type StartRefusal =
  | { ok: false; code: "TOO_MANY_STREAMS"; watching: WatchingNow[] }
  | { ok: false; code: "TITLE_NOT_FOUND" | "TITLE_RESTRICTED" | "UNAUTHENTICATED" };

/** Streams heartbeating since this moment are live: two intervals, so one late heartbeat is forgiven. */
export const liveSince = (deps: Pick<CoreDeps, "clock" | "config">): Date =>
  new Date(deps.clock.now().getTime() - 2 * deps.config.streams.heartbeatMs);

const expiryOf = (deps: Pick<CoreDeps, "config">, heartbeatAt: Date) =>
  new Date(heartbeatAt.getTime() + 2 * deps.config.streams.heartbeatMs);

/**
 * A stream's audit entries carry the device's name instead of an address and user agent: a
 * playback service may have made the request. Its id still finds the request in the log.
 */
const requestOnly = (context: RequestContext): RequestContext => ({ ip: null, userAgent: null, requestId: context.requestId });

/** Starts watching `titleId` on this device, as the profile it has chosen. */
export async function startStream(
  deps: CoreDeps,
  { session, profile }: Pick<SessionInUse, "session" | "profile">,
  titleId: string,
  context: RequestContext,
): Promise<Success<StartedStream> | StartRefusal> {
  const title = findTitle(titleId);
  if (!title) return fail("TITLE_NOT_FOUND");
  return inUnitOfWork(deps, async (stores): Promise<Success<StartedStream> | StartRefusal> => {
    const plan = await stores.streams.lockAccountForStreams(session.accountId);
    if (!plan) return fail("UNAUTHENTICATED");
    // Read again under the account lock that a change to parental controls takes too: a start
    // racing a change either sees the new limits or is ended by the change.
    const watchingAs = session.profileId ? await stores.profiles.find(session.accountId, session.profileId) : null;
    if (!mayWatch(watchingAs, title)) return fail("TITLE_RESTRICTED");
    const watching = await stores.streams.listLive(session.accountId, liveSince(deps));
    // This device's own stream of the same title is a reload, not another screen: it is replaced.
    const own = watching.filter((live) => live.sessionId === session.id);
    const others = watching.length - own.length;
    if (others + 1 > deps.config.plans[plan].screens) return { ok: false, code: "TOO_MANY_STREAMS", watching };
    const at = deps.clock.now();
    for (const live of own) await stores.streams.end(live.streamId, at, "stopped");
    const stream: StreamRecord = {
      id: randomToken(deps.random, 16),
      accountId: session.accountId,
      sessionId: session.id,
      profileId: session.profileId,
      titleId,
      startedAt: at,
      lastHeartbeatAt: at,
      endedAt: null,
      endedReason: null,
    };
    await stores.streams.create(stream);
    await stores.audit.record(
      auditEvent("watching_started", { accountId: session.accountId, sessionId: session.id }, requestOnly(context), at, {
        titleName: title.name,
        profileName: profile?.name ?? null,
        deviceName: session.deviceName,
      }),
    );
    return ok({ stream, heartbeatMs: deps.config.streams.heartbeatMs, expiresAt: expiryOf(deps, at) });
  });
}

export type HeartbeatRefusal = { ok: false; code: "STREAM_NOT_FOUND" } | { ok: false; code: "STREAM_ENDED"; reason: StreamEndReason };

/**
 * A player still watching: keeps the screen, or says why it is gone. Every few seconds from
 * every player, so keeping it is one statement; only a refusal reads the stream to say why.
 */
export async function heartbeatStream(
  deps: CoreDeps,
  session: SessionRecord,
  streamId: string,
): Promise<Result<{ heartbeatMs: number; expiresAt: Date }> | HeartbeatRefusal> {
  const at = deps.clock.now();
  if (await deps.stores.streams.heartbeat(session.id, streamId, at, liveSince(deps))) {
    return ok({ heartbeatMs: deps.config.streams.heartbeatMs, expiresAt: expiryOf(deps, at) });
  }
  const stream = await deps.stores.streams.find(session.accountId, streamId);
  if (!stream || stream.sessionId !== session.id) return fail("STREAM_NOT_FOUND");
  if (stream.endedAt) return { ok: false, code: "STREAM_ENDED", reason: stream.endedReason ?? "stopped" };
  // Running, but its heartbeats lapsed: its screen was freed, and it ends now.
  await deps.stores.streams.end(stream.id, at, "expired");
  return { ok: false, code: "STREAM_ENDED", reason: "expired" };
}

/**
 * Stops a stream: the player's own (stopped), or any of the account's from another device
 * (stopped_from_another_device). Stopping one already ended answers as done.
 */
export async function stopStream(
  deps: CoreDeps,
  session: SessionRecord,
  streamId: string,
  watchingAsKids: boolean,
  context: RequestContext,
): Promise<Result<void, "STREAM_NOT_FOUND" | "KIDS_PROFILE">> {
  const stream = await deps.stores.streams.find(session.accountId, streamId);
  if (!stream) return fail("STREAM_NOT_FOUND");
  const ownStream = stream.sessionId === session.id;
  // A Kids profile stops its own player, never another device's.
  if (!ownStream && watchingAsKids) return fail("KIDS_PROFILE");
  if (ownStream) {
    await deps.stores.streams.end(stream.id, deps.clock.now(), "stopped");
    return ok(undefined);
  }
  await inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    if (!(await stores.streams.end(stream.id, at, "stopped_from_another_device"))) return;
    await stores.audit.record(
      auditEvent("watching_stopped", { accountId: session.accountId, sessionId: session.id }, requestOnly(context), at, {
        titleName: findTitle(stream.titleId)?.name ?? stream.titleId,
        stoppedOn: (await stores.sessions.findById(stream.sessionId))?.deviceName ?? null,
        deviceName: session.deviceName,
      }),
    );
  });
  return ok(undefined);
}
