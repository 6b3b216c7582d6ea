// Creates a session for a device that has just proven who it is (sign-up, sign-in, or a
// replacement after a new proof: replace-session.ts). Always a new id and a new secret.
// Runs inside the caller's unit of work.
import type { DeviceKind } from "../../contract/schemas/common";
import { AccountLockedError } from "../accounts/account-locked";
import type { CoreDeps, RequestContext } from "../deps";
import type { Stores } from "../ports";
import type { SessionRecord } from "./ports";
import { type NewSessionToken, newSessionToken, parseSessionToken, secretMatches } from "./session-token";

export interface IssuedSession {
  session: SessionRecord;
  /** Handed to the device once; never stored, logged or shown again. */
  token: string;
}

export interface SessionRequest {
  accountId: string;
  device: { kind: DeviceKind; name: string };
  profileId?: string | null;
  context: RequestContext;
  /** A token drawn beforehand, when the caller must name the session before creating it (TV sign-in). */
  token?: NewSessionToken;
  /** 2 after a second factor (or a passkey) was proven; 1 by default. */
  aal?: 1 | 2;
}

export async function issueSession(
  deps: Pick<CoreDeps, "clock" | "random" | "config">,
  stores: Stores,
  request: SessionRequest,
): Promise<IssuedSession> {
  const now = deps.clock.now();
  const { id, token, tokenHash } = request.token ?? newSessionToken(deps.random);
  const session: SessionRecord = {
    id,
    accountId: request.accountId,
    tokenHash,
    profileId: request.profileId ?? null,
    deviceKind: request.device.kind,
    deviceName: request.device.name,
    userAgent: request.context.userAgent?.slice(0, 512) ?? null,
    ip: request.context.ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: slidExpiry(deps.config, request.device.kind, now, now),
    authenticatedAt: now,
    aal: request.aal ?? 1,
    revokedAt: null,
    revokedReason: null,
  };
  // Every way in ends here, after its proof: a locked account gets no session by any of them.
  if ((await stores.sessions.create(session)) === "account_locked") throw new AccountLockedError();
  await endPresentedSession(stores, request.context.presentedSession, now);
  return { session, token };
}

/**
 * A browser that signs in again (any account, any method) holds one session: the one its
 * cookie named until now ends with the new one, in the same transaction, rather than living on
 * unseen until it expires. Only a token that proves itself ends anything.
 */
async function endPresentedSession(stores: Stores, token: string | undefined, now: Date): Promise<void> {
  const presented = token ? parseSessionToken(token) : null;
  if (!presented) return;
  const held = await stores.sessions.findById(presented.id);
  if (!held || held.revokedAt || !secretMatches(presented.secret, held.tokenHash)) return;
  await stores.sessions.revoke(held, now, "replaced");
}

/** Idle expiry slides with use but never past the absolute lifetime. */
export function slidExpiry(config: CoreDeps["config"], kind: DeviceKind, createdAt: Date, seenAt: Date): Date {
  const idleEnd = seenAt.getTime() + config.sessions.idleMs[kind];
  const absoluteEnd = createdAt.getTime() + config.sessions.absoluteMs;
  return new Date(Math.min(idleEnd, absoluteEnd));
}
