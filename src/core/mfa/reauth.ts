// Re-authentication: sensitive changes (second factors, backup codes, signing out devices)
// need a password or passkey proof within the last 10 minutes
// (session.authenticated_at). A proof rotates the token: the device gets a new session with a
// fresh authenticated_at, and the old token dies (a privilege change never keeps a token).
import { checkCurrentPassword } from "../accounts/check-current-password";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { SessionRecord, Stores } from "../ports";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Failure, type Result } from "../result";
import { issueSession, type IssuedSession } from "../sessions/issue-session";

/** When this session's proof stops counting as recent. */
export function reauthenticatedUntil(deps: Pick<CoreDeps, "config">, session: SessionRecord): Date {
  return new Date(session.authenticatedAt.getTime() + deps.config.reauthWindowMs);
}

/** REAUTH_REQUIRED unless the session proved who it is within the window. */
export function requireRecentAuth(
  deps: Pick<CoreDeps, "config" | "clock">,
  session: SessionRecord,
): Failure<"REAUTH_REQUIRED"> | null {
  return reauthenticatedUntil(deps, session).getTime() > deps.clock.now().getTime() ? null : fail("REAUTH_REQUIRED");
}

/**
 * Replaces `session` with a new one for the same device and profile, proven now. Runs inside
 * the caller's transaction; the caller publishes the revocation after the commit.
 */
export async function rotateSession(
  deps: CoreDeps,
  stores: Stores,
  session: SessionRecord,
  context: RequestContext,
  aal: 1 | 2 = session.aal,
): Promise<IssuedSession> {
  const at = deps.clock.now();
  // The chosen profile may have been deleted meanwhile; a new session must not point at it.
  const profileId = session.profileId && (await stores.profiles.find(session.accountId, session.profileId)) ? session.profileId : null;
  await stores.sessions.revoke(session.id, at, "reauthenticated");
  return issueSession(deps, stores, {
    accountId: session.accountId,
    device: { kind: session.deviceKind, name: session.deviceName },
    profileId,
    context,
    aal,
  });
}

/** Proves the password again; answers this device's replacement session. */
export async function reauthenticateWithPassword(
  deps: CoreDeps,
  session: SessionRecord,
  password: string,
  context: RequestContext,
): Promise<Result<IssuedSession, "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED">> {
  // Throttled like sign-in, per account, on top of the account page's password-check limit.
  const limited = await throttle(deps.limiter, [[`reauth:account:${session.accountId}`, deps.config.limits.reauthPerAccount]]);
  if (!limited.ok) return limited;
  const checked = await checkCurrentPassword(deps, session.accountId, password, context);
  if (!checked.ok) return checked;
  await limited.succeeded();
  return ok(await finishReauthentication(deps, session, context, "password"));
}

/** Rotates the session after a successful proof and records it. */
export async function finishReauthentication(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
  method: "password" | "passkey",
): Promise<IssuedSession> {
  const issued = await deps.stores.transaction(async (stores) => {
    const replacement = await rotateSession(deps, stores, session, context);
    await stores.audit.record(
      auditEvent("reauthenticated", { accountId: session.accountId, sessionId: replacement.session.id }, context, replacement.session.createdAt, {
        method,
      }),
    );
    return replacement;
  });
  deps.sessionsRevoked(session.accountId);
  return issued;
}
