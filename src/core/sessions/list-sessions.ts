// The devices signed in to an account, as the account owner sees them.
import type { PublicSession } from "../../contract/schemas/sessions";
import type { CoreDeps } from "../deps";
import type { SessionRecord } from "./ports";

export async function listSessions(deps: Pick<CoreDeps, "stores" | "clock">, current: SessionRecord): Promise<PublicSession[]> {
  const sessions = await deps.stores.sessions.listLive(current.accountId, deps.clock.now());
  return sessions.map((session) => toPublicSession(session, current.id));
}

export function toPublicSession(session: SessionRecord, currentSessionId: string): PublicSession {
  return {
    id: session.id,
    deviceKind: session.deviceKind,
    deviceName: session.deviceName,
    profileId: session.profileId,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastActiveAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  };
}
