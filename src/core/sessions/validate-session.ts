// Checks a presented token on every request, against the database: a revoked or expired
// session is refused on its very next request, on every node. No cache stands in between.
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result } from "../result";
import { slidExpiry } from "./issue-session";
import type { SessionInUse } from "./ports";
import { parseSessionToken, secretMatches } from "./session-token";

export type SessionRefusal = "UNAUTHENTICATED" | "SESSION_REVOKED" | "SESSION_EXPIRED";

/** A session that passed. `extended` when this request slid its expiry: a browser's cookie must follow. */
export type ValidatedSession = SessionInUse & { extended: boolean };

export async function validateSession(
  deps: Pick<CoreDeps, "stores" | "clock" | "config">,
  token: string,
  context: RequestContext,
): Promise<Result<ValidatedSession, SessionRefusal>> {
  const parsed = parseSessionToken(token);
  if (!parsed) return fail("UNAUTHENTICATED");
  const found = await deps.stores.sessions.findInUse(parsed.id);
  const session = found?.session;
  // Only the holder of the secret learns whether the session was revoked or has expired.
  if (!session || !secretMatches(parsed.secret, session.tokenHash)) return fail("UNAUTHENTICATED");
  if (session.revokedAt) return { ok: false, code: "SESSION_REVOKED", reason: session.revokedReason ?? "signed_out" };
  const now = deps.clock.now();
  if (session.expiresAt.getTime() <= now.getTime()) return fail("SESSION_EXPIRED");

  const staleBefore = new Date(now.getTime() - deps.config.sessions.touchIntervalMs);
  if (session.lastSeenAt.getTime() < staleBefore.getTime()) {
    const expiresAt = slidExpiry(deps.config, session.deviceKind, session.createdAt, now);
    // A check with no address of the device's own (a service asking) keeps the last one seen.
    const ip = context.ip ?? session.ip;
    await deps.stores.sessions.touch(session.id, { at: now, ip, expiresAt }, staleBefore);
    return ok({ ...found, session: { ...session, lastSeenAt: now, ip, expiresAt }, extended: true });
  }
  return ok({ ...found, extended: false });
}
