// Support's recovery path for a member who lost their second step (a phone with the
// authenticator app and its passkeys): the authenticator app, the backup codes and the passkeys
// all go, since any one of them would still be asked for, so the password alone signs in again.
// The owner is told by email at once: if it wasn't them, they know to call back.
import { auditEvent } from "../audit/events";
import type { CoreDeps } from "../deps";
import { twoStepState } from "../mfa/two-step-state";
import { writeSecurityNotice } from "../notices/security-notice";
import { inUnitOfWork } from "../unit-of-work";
import { bySupport, type Operator, supportContext } from "./operator";

export type ResetTwoStepAnswer = { authenticatorApp: boolean; passkeys: number; backupCodes: number } | "no_account" | "two_step_off";

export async function resetTwoStep(deps: CoreDeps, accountId: string, operator: Operator): Promise<ResetTwoStepAnswer> {
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(accountId);
    const account = await stores.accounts.findById(accountId);
    if (!account) return "no_account";
    const state = await twoStepState(stores, accountId);
    if (!state.enabled && state.backupCodesLeft === 0) return "two_step_off";
    await stores.totp.delete(accountId);
    await stores.backupCodes.deleteAll(accountId);
    for (const passkey of await stores.passkeys.listByAccount(accountId)) await stores.passkeys.delete(accountId, passkey.id);
    await stores.passkeys.setSecondStep(accountId, null);
    const at = deps.clock.now();
    const removed = { authenticatorApp: state.totp, passkeys: state.passkeys, backupCodes: state.backupCodesLeft };
    await stores.audit.record(auditEvent("two_step_reset", { accountId }, supportContext, at, { ...bySupport(operator), ...removed }));
    await writeSecurityNotice(
      stores,
      account,
      { template: "two_step_changed", payload: { change: "two_step_reset", at: at.toISOString() } },
      at,
    );
    return removed;
  });
}
