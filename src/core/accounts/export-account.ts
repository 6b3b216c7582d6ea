// Handing over an account's data, to its owner (Account → Download your data) or through
// support (usher accounts export). Either way the audit log records that it was handed over.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { requireRecentAuth } from "../sessions/recent-proof";
import { bySupport, type Operator, supportContext } from "../support/operator";
import { type AccountData, collectAccountData } from "./account-data";

/** The owner's copy: everything about the account is a sensitive read, so it needs a recent proof. */
export async function exportOwnData(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<Result<AccountData, "REAUTH_REQUIRED" | "UNAUTHENTICATED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  const at = deps.clock.now();
  // Recorded first, so the copy lists its own download.
  await deps.stores.audit.record(auditEvent("data_exported", { accountId: account.id, sessionId: session.id }, context, at));
  return ok(await collectAccountData(deps.stores, account, at));
}

export async function exportDataForSupport(deps: CoreDeps, accountId: string, operator: Operator): Promise<AccountData | null> {
  const account = await deps.stores.accounts.findById(accountId);
  if (!account) return null;
  const at = deps.clock.now();
  await deps.stores.audit.record(auditEvent("data_exported", { accountId }, supportContext, at, bySupport(operator)));
  return collectAccountData(deps.stores, account, at);
}
