// A new set of backup codes (the old set stops working), shown once. Needs a recent
// re-authentication, and two-step verification to be on (the codes stand in for it).
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { requireRecentAuth } from "../sessions/recent-proof";
import { inUnitOfWork } from "../unit-of-work";
import { replaceBackupCodes } from "./backup-codes";
import { twoStepState } from "./two-step-state";

export async function regenerateBackupCodes(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<Result<string[], "REAUTH_REQUIRED" | "TWO_STEP_NOT_ENABLED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(session.accountId);
    if (!(await twoStepState(stores, session.accountId)).enabled) return fail("TWO_STEP_NOT_ENABLED");
    const codes = await replaceBackupCodes(deps, stores, session.accountId);
    const at = deps.clock.now();
    await stores.audit.record(auditEvent("backup_codes_generated", { accountId: session.accountId, sessionId: session.id }, context, at));
    await writeSecurityNotice(
      stores,
      session.accountId,
      { template: "two_step_changed", payload: { change: "backup_codes_renewed", at: at.toISOString() } },
      at,
    );
    return ok(codes);
  });
}
