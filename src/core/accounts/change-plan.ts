// Membership & Billing → Change plan. No payment here: choosing is enough. The plan is a claim
// of every session, so the platform's services see the new one at once (the database announces
// the change with the transaction); a downgrade limits the streams that start next, never the
// ones already playing. Audited, emailed to the owner, and sent as a webhook.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import type { Plan } from "./ports";

export interface PlanChange {
  plan: Plan;
  downgrade: boolean;
}

/** The plans to choose from, in order, with the account's own. */
export function planOptions(deps: Pick<CoreDeps, "config">) {
  return (Object.keys(deps.config.plans) as Plan[]).map((id) => ({ id, ...deps.config.plans[id] }));
}

export async function changePlan(
  deps: CoreDeps,
  session: SessionRecord,
  plan: Plan,
  context: RequestContext,
): Promise<Result<PlanChange, "UNAUTHENTICATED">> {
  return inUnitOfWork(deps, async (stores) => {
    // Locked, so that two changes at once are told apart (and streams count against one plan).
    await stores.accounts.lockForUpdate(session.accountId);
    const account = await stores.accounts.findById(session.accountId);
    if (!account) return fail("UNAUTHENTICATED");
    const { plans } = deps.config;
    const downgrade = plans[plan].screens < plans[account.plan].screens;
    if (account.plan === plan) return ok({ plan, downgrade: false });
    const at = deps.clock.now();
    await stores.accounts.setPlan(account.id, plan);
    await stores.audit.record(
      auditEvent("plan_changed", { accountId: account.id, sessionId: session.id }, context, at, { from: account.plan, to: plan }),
    );
    await writeSecurityNotice(
      stores,
      account,
      { template: "plan_changed", payload: { plan: plans[plan].name, screens: plans[plan].screens, downgrade, at: at.toISOString() } },
      at,
    );
    return ok({ plan, downgrade });
  });
}
