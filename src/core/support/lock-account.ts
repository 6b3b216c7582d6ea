// Support locks an account (fraud, a takeover in progress, a legal hold): in one unit of work
// the lock is set, every session ends (and with them every stream), the platform's services
// hear account.locked and session.revoked, and the owner gets an email saying so. While locked,
// no proof of any kind gets a session (accounts/account-locked.ts).
import { auditEvent } from "../audit/events";
import type { CoreDeps } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { inUnitOfWork } from "../unit-of-work";
import { bySupport, type Operator, supportContext } from "./operator";

/** What support tells the team, never the owner: kept in the account row and the audit log. */
export const LOCK_REASON_MAX = 200;

export type LockAnswer = { locked: true; signedOutDevices: number } | "no_account" | "already_locked";
export type UnlockAnswer = { unlocked: true } | "no_account" | "not_locked";

export async function lockAccount(deps: CoreDeps, accountId: string, reason: string, operator: Operator): Promise<LockAnswer> {
  return inUnitOfWork(deps, async (stores) => {
    // Held from here: a sign-in issuing a session now either commits first (and is revoked
    // below) or waits and then finds the lock (the session insert's trigger, migration 0013).
    await stores.accounts.lockForUpdate(accountId);
    const account = await stores.accounts.findById(accountId);
    if (!account) return "no_account";
    if (account.lockedAt) return "already_locked";
    const at = deps.clock.now();
    await stores.accounts.setLock(accountId, { at, reason });
    const signedOutDevices = (await stores.sessions.revokeAllForAccount(accountId, at, "account_locked")).length;
    await stores.audit.record(
      auditEvent("account_locked", { accountId }, supportContext, at, { ...bySupport(operator), reason, signedOutDevices }),
    );
    await writeSecurityNotice(stores, account, { template: "account_locked", payload: { at: at.toISOString() } }, at);
    return { locked: true, signedOutDevices };
  });
}

export async function unlockAccount(deps: CoreDeps, accountId: string, operator: Operator): Promise<UnlockAnswer> {
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(accountId);
    const account = await stores.accounts.findById(accountId);
    if (!account) return "no_account";
    if (!account.lockedAt) return "not_locked";
    const at = deps.clock.now();
    await stores.accounts.setLock(accountId, null);
    await stores.audit.record(auditEvent("account_unlocked", { accountId }, supportContext, at, bySupport(operator)));
    await writeSecurityNotice(stores, account, { template: "account_unlocked", payload: { at: at.toISOString() } }, at);
    return { unlocked: true };
  });
}
