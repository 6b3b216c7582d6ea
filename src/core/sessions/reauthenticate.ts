// Re-authentication: the device proves its owner again (password or passkey) and gets a new
// session with a fresh proof time, opening the window sensitive changes need (recent-proof.ts).
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { throttle } from "../rate-limit/throttle";
import { ok, type Result } from "../result";
import { inUnitOfWork } from "../unit-of-work";
import type { IssuedSession } from "./issue-session";
import type { SessionRecord } from "./ports";
import { replaceSession } from "./replace-session";

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
  return ok(await finishReauthentication(deps, session, context, { method: "password" }));
}

/** Replaces the session after a successful proof and records it. */
export function finishReauthentication(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
  how: { method: "password" } | { method: "passkey"; passkeyName: string },
): Promise<IssuedSession> {
  return inUnitOfWork(deps, async (stores) => {
    const replacement = await replaceSession(deps, stores, { session, reason: "reauthenticated" }, { context });
    await stores.audit.record(
      auditEvent(
        "reauthenticated",
        { accountId: session.accountId, sessionId: replacement.session.id },
        context,
        replacement.session.createdAt,
        how,
      ),
    );
    return replacement;
  });
}
