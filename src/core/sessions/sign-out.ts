// Signing out: this device, one device of the account, every other device, or all of them.
// Each is one conditional statement; open screens hear of it once the change has committed.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { SessionRecord } from "../ports";
import { fail, ok, type Result } from "../result";
import { writeSecurityNotice } from "../notices/security-notice";

export async function signOut(deps: CoreDeps, session: SessionRecord, context: RequestContext): Promise<void> {
  await deps.stores.transaction(async (stores) => {
    const at = deps.clock.now();
    await stores.sessions.revoke(session.id, at, "signed_out");
    await stores.audit.record(auditEvent("signed_out", { accountId: session.accountId, sessionId: session.id }, context, at));
  });
  deps.sessionsRevoked(session.accountId);
}

/**
 * Revokes every session of the account, this one included, in one statement: each of those
 * tokens is refused (SESSION_REVOKED) from its next request on. Answers how many.
 */
export function signOutAllDevices(deps: CoreDeps, session: SessionRecord, context: RequestContext): Promise<number> {
  return revokeAccountSessions(deps, session, context, { keepThisDevice: false });
}

/** "Sign out of all other devices": every session of the account but this one. */
export function signOutOtherDevices(deps: CoreDeps, session: SessionRecord, context: RequestContext): Promise<number> {
  return revokeAccountSessions(deps, session, context, { keepThisDevice: true });
}

async function revokeAccountSessions(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
  { keepThisDevice }: { keepThisDevice: boolean },
): Promise<number> {
  const count = await deps.stores.transaction(async (stores) => {
    const at = deps.clock.now();
    const revoked = keepThisDevice
      ? await stores.sessions.revokeAllForAccount(session.accountId, at, "signed_out_by_other_device", session.id)
      : await stores.sessions.revokeAllForAccount(session.accountId, at, "signed_out_all_devices");
    const type = keepThisDevice ? "signed_out_other_devices" : "signed_out_all_devices";
    await stores.audit.record(
      auditEvent(type, { accountId: session.accountId, sessionId: session.id }, context, at, { signedOutDevices: revoked }),
    );
    if (!keepThisDevice) {
      await writeSecurityNotice(stores, session.accountId, { template: "signed_out_all_devices", payload: { at: at.toISOString() } }, at);
    }
    return revoked;
  });
  deps.sessionsRevoked(session.accountId);
  if (!keepThisDevice) deps.outboxWritten();
  return count;
}

/**
 * Signs out one device of the account from the device list. A session of another account
 * answers exactly like a missing one, so ids reveal nothing.
 */
export async function signOutDevice(
  deps: CoreDeps,
  current: SessionRecord,
  sessionId: string,
  context: RequestContext,
): Promise<Result<{ wasThisDevice: boolean }, "SESSION_NOT_FOUND">> {
  const target = await deps.stores.sessions.findById(sessionId);
  const now = deps.clock.now();
  const live = target && target.accountId === current.accountId && !target.revokedAt && target.expiresAt > now;
  if (!live) return fail("SESSION_NOT_FOUND");
  const wasThisDevice = target.id === current.id;
  const revoked = await deps.stores.transaction(async (stores) => {
    if (!(await stores.sessions.revoke(target.id, now, wasThisDevice ? "signed_out" : "signed_out_by_other_device"))) return false;
    await stores.audit.record(
      auditEvent("signed_out_device", { accountId: current.accountId, sessionId: current.id }, context, now, {
        signedOutSessionId: target.id,
        deviceName: target.deviceName,
      }),
    );
    return true;
  });
  if (!revoked) return fail("SESSION_NOT_FOUND");
  deps.sessionsRevoked(current.accountId);
  return ok({ wasThisDevice });
}
