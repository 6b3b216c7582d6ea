// The devices signed in to an account, as the account owner sees them, with what each is watching.
import type { PublicSession } from "../../contract/schemas/sessions";
import { findTitle } from "../catalogue/titles";
import type { CoreDeps } from "../deps";
import type { WatchingNow } from "../streams/ports";
import { liveSince } from "../streams/streams";
import type { SessionRecord } from "./ports";

export async function listSessions(deps: Pick<CoreDeps, "stores" | "clock" | "config">, current: SessionRecord): Promise<PublicSession[]> {
  const [sessions, watching] = await Promise.all([
    deps.stores.sessions.listLive(current.accountId, deps.clock.now()),
    deps.stores.streams.listLive(current.accountId, liveSince(deps)),
  ]);
  // Oldest first, so a device's latest stream is the one it is watching now.
  const watchingOn = new Map(watching.map((live) => [live.sessionId, live]));
  return sessions.map((session) => toPublicSession(session, current.id, watchingOn.get(session.id)));
}

export function toPublicSession(session: SessionRecord, currentSessionId: string, watching?: WatchingNow): PublicSession {
  return {
    id: session.id,
    deviceKind: session.deviceKind,
    deviceName: session.deviceName,
    profileId: session.profileId,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastActiveAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
    watching: watching
      ? {
          streamId: watching.streamId,
          title: { id: watching.titleId, name: findTitle(watching.titleId)?.name ?? watching.titleId },
          profileName: watching.profileName,
          since: watching.since.toISOString(),
        }
      : null,
  };
}
