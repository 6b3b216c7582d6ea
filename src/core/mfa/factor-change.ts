// What every change to the second factors shares: it happens after a recent proof, may sign
// out the other devices (the page offers it, checked by default), rotates this device's
// token, lands in the audit log and emails the owner a notice, all in one transaction.
import { type AuditEventType, auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import type { Stores } from "../ports";
import type { IssuedSession } from "../sessions/issue-session";
import type { SessionRecord } from "../sessions/ports";
import { replaceSession } from "../sessions/replace-session";
import { inUnitOfWork } from "../unit-of-work";
import { replaceBackupCodes } from "./backup-codes";
import { twoStepState } from "./two-step-state";

/** The owner's notice says which change it was. */
const noticeOf = {
  two_step_enabled: "two_step_on",
  two_step_disabled: "two_step_off",
  passkey_added: "passkey_added",
  passkey_removed: "passkey_removed",
} as const;

export interface FactorChanged {
  signedOutOtherDevices: number;
  /** A fresh set, shown once, when the change turned two-step verification on without any codes left. */
  backupCodes: string[] | null;
  replacement: IssuedSession;
}

export async function applyFactorChange(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
  change: {
    type: keyof typeof noticeOf & AuditEventType;
    signOutOtherDevices: boolean;
    details?: Record<string, unknown>;
    /** The store writes of the change itself; may answer false to abandon (nothing else is written). */
    write(stores: Stores): Promise<boolean>;
    /** The session's assurance after the change. */
    aal: 1 | 2;
  },
): Promise<FactorChanged | null> {
  return inUnitOfWork(deps, async (stores) => {
    if (!(await change.write(stores))) return null;
    const at = deps.clock.now();
    const state = await twoStepState(stores, session.accountId);
    let backupCodes: string[] | null = null;
    if (state.enabled && state.backupCodesLeft === 0) {
      backupCodes = await replaceBackupCodes(deps, stores, session.accountId);
    } else if (!state.enabled) {
      // With no second factor left, old backup codes must not outlive it.
      await stores.backupCodes.deleteAll(session.accountId);
    }
    const replacement = await replaceSession(
      deps,
      stores,
      { session, reason: "reauthenticated" },
      {
        context,
        signOutOtherDevices: change.signOutOtherDevices ? "signed_out_by_other_device" : undefined,
        aal: change.aal,
      },
    );
    const { signedOutOtherDevices } = replacement;
    await stores.audit.record(
      auditEvent(change.type, { accountId: session.accountId, sessionId: replacement.session.id }, context, at, {
        ...change.details,
        signOutOtherDevices: change.signOutOtherDevices,
        // The audit log's stored name.
        signedOutDevices: signedOutOtherDevices,
        twoStepEnabled: state.enabled,
      }),
    );
    await writeSecurityNotice(
      stores,
      session.accountId,
      { template: "two_step_changed", payload: { change: noticeOf[change.type], at: at.toISOString() } },
      at,
    );
    return { signedOutOtherDevices, backupCodes, replacement };
  });
}
