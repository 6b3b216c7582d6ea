// Support signs a device out, or every device: the same revocation a member's own sign-out
// makes (verifiers, streams and webhooks hear it the same way), recorded as support's.
import { auditEvent } from "../audit/events";
import type { CoreDeps } from "../deps";
import { inUnitOfWork } from "../unit-of-work";
import { bySupport, type Operator, supportContext } from "./operator";

export type SupportSignOutAnswer = { signedOutDevices: number } | "no_account" | "no_session";

/** Ends one live session of the account, or all of them (`"all"`). */
export async function signOutBySupport(
  deps: CoreDeps,
  accountId: string,
  which: { sessionId: string } | "all",
  operator: Operator,
): Promise<SupportSignOutAnswer> {
  return inUnitOfWork(deps, async (stores) => {
    if (!(await stores.accounts.findById(accountId))) return "no_account";
    const at = deps.clock.now();
    if (which === "all") {
      const ended = await stores.sessions.revokeAllForAccount(accountId, at, "revoked_by_support");
      await stores.audit.record(
        auditEvent("signed_out_by_support", { accountId }, supportContext, at, { ...bySupport(operator), signedOutDevices: ended.length }),
      );
      return { signedOutDevices: ended.length };
    }
    const session = await stores.sessions.findById(which.sessionId);
    const live = session && session.accountId === accountId && !session.revokedAt && session.expiresAt > at;
    if (!live || !(await stores.sessions.revoke(session, at, "revoked_by_support"))) return "no_session";
    await stores.audit.record(
      auditEvent("signed_out_by_support", { accountId }, supportContext, at, {
        ...bySupport(operator),
        signedOutSessionId: session.id,
        deviceName: session.deviceName,
        signedOutDevices: 1,
      }),
    );
    return { signedOutDevices: 1 };
  });
}
