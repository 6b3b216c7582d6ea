// Signing out: this device, or every device of the account at once.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { SessionRecord } from "../ports";

export async function signOut(deps: CoreDeps, session: SessionRecord, context: RequestContext): Promise<void> {
  await deps.stores.transaction(async (stores) => {
    const at = deps.clock.now();
    await stores.sessions.revoke(session.id, at, "signed_out");
    await stores.audit.record(auditEvent("signed_out", { accountId: session.accountId, sessionId: session.id }, context, at));
  });
}

/**
 * Revokes every session of the account, this one included, in one statement: each of those
 * tokens is refused (SESSION_REVOKED) from its next request on. Answers how many.
 */
export async function signOutAllDevices(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<number> {
  return deps.stores.transaction(async (stores) => {
    const at = deps.clock.now();
    const count = await stores.sessions.revokeAllForAccount(session.accountId, at, "signed_out_all_devices");
    await stores.audit.record(
      auditEvent("signed_out_all_devices", { accountId: session.accountId, sessionId: session.id }, context, at, {
        signedOutDevices: count,
      }),
    );
    return count;
  });
}
