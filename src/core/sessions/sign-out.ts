// Signing out: this device, one device of the account, every other device, or all of them.
// Each is one conditional statement in one unit of work; open screens hear of it once the
// change has committed. Signing out other devices needs a recent proof (recent-proof.ts): a
// token picked up from an unattended screen must not lock its owner's other devices out.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { fail, ok, type Result } from "../result";
import { inUnitOfWork } from "../unit-of-work";
import type { SessionRecord } from "./ports";
import { requireRecentAuth } from "./recent-proof";

/** This device signs out; `details` say how, when not by Usher's own apps (a platform service, say). */
export async function signOut(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
  details: Record<string, unknown> = {},
): Promise<void> {
  await inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    // Already ended by another request: that one recorded it.
    if (!(await stores.sessions.revoke(session, at, "signed_out"))) return;
    await stores.audit.record(
      auditEvent("signed_out", { accountId: session.accountId, sessionId: session.id }, context, at, {
        deviceName: session.deviceName,
        ...details,
      }),
    );
  });
}

/**
 * Revokes every session of the account, this one included, in one statement: each of those
 * tokens is refused (SESSION_REVOKED) from its next request on. Answers how many devices,
 * this one included, were signed out.
 */
export async function signOutAllDevices(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<Result<number, "REAUTH_REQUIRED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  return inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    const signedOutDevices = (await stores.sessions.revokeAllForAccount(session.accountId, at, "signed_out_all_devices")).length;
    await stores.audit.record(
      auditEvent("signed_out_all_devices", { accountId: session.accountId, sessionId: session.id }, context, at, { signedOutDevices }),
    );
    await writeSecurityNotice(stores, session.accountId, { template: "signed_out_all_devices", payload: { at: at.toISOString() } }, at);
    return ok(signedOutDevices);
  });
}

/** "Sign out of all other devices": every session of the account but this one. Answers how many. */
export async function signOutOtherDevices(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<Result<number, "REAUTH_REQUIRED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  return inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    const signedOutOtherDevices = (
      await stores.sessions.revokeAllForAccount(session.accountId, at, "signed_out_by_other_device", session.id)
    ).length;
    await stores.audit.record(
      auditEvent("signed_out_other_devices", { accountId: session.accountId, sessionId: session.id }, context, at, {
        // The audit log's stored name for the count, whatever the operation.
        signedOutDevices: signedOutOtherDevices,
      }),
    );
    return ok(signedOutOtherDevices);
  });
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
  return inUnitOfWork(deps, async (stores) => {
    if (!(await stores.sessions.revoke(target, now, wasThisDevice ? "signed_out" : "signed_out_by_other_device")))
      return fail("SESSION_NOT_FOUND");
    await stores.audit.record(
      auditEvent("signed_out_device", { accountId: current.accountId, sessionId: current.id }, context, now, {
        signedOutSessionId: target.id,
        deviceName: target.deviceName,
      }),
    );
    return ok({ wasThisDevice });
  });
}
