// Deleting an account, by its owner (Account → Delete account) or by support: one unit of work
// ends every session (and so every stream, and every platform service's cached answer), tells
// the platform's services (session.revoked, account.deleted), erases everything that names the
// account or its addresses, and queues one last email to say it is done. That email names no
// account, and the dispatcher erases it once it has gone out (templates/account-deleted.ts).
// What remains is one audit row: the account's id, when, and who deleted it.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { requireRecentAuth } from "../sessions/recent-proof";
import { bySupport, type Operator } from "../support/operator";
import { inUnitOfWork } from "../unit-of-work";
import { accountDeleted, publishWebhookEvent } from "../webhooks/events";

export const FAREWELL_TEMPLATE = "account_deleted";

/** The owner deletes their account from a session that proved itself within the window. */
export async function deleteOwnAccount(
  deps: CoreDeps,
  session: SessionRecord,
  context: RequestContext,
): Promise<Result<{ signedOutDevices: number }, "REAUTH_REQUIRED" | "UNAUTHENTICATED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const deleted = await deleteAccount(deps, session.accountId, { by: "owner" }, context.requestId ?? null);
  return deleted ? ok(deleted) : fail("UNAUTHENTICATED");
}

export function deleteAccountForSupport(deps: CoreDeps, accountId: string, operator: Operator) {
  return deleteAccount(deps, accountId, bySupport(operator), null);
}

/** Null when there was no such account (deleted already). */
async function deleteAccount(
  deps: CoreDeps,
  accountId: string,
  by: Record<string, unknown>,
  requestId: string | null,
): Promise<{ signedOutDevices: number } | null> {
  return inUnitOfWork(deps, async (stores) => {
    await stores.accounts.lockForUpdate(accountId);
    const account = await stores.accounts.findById(accountId);
    if (!account) return null;
    const at = deps.clock.now();
    const signedOutDevices = (await stores.sessions.revokeAllForAccount(accountId, at, "account_deleted")).length;
    // Codes asked for by address name no account: they go by address, before the farewell is queued to one.
    const addresses = [account.email, ...(account.phoneE164 ? [account.phoneE164] : [])];
    await stores.outbox.eraseAddressedTo(addresses);
    await stores.codeFlows.eraseAddressedTo(addresses);
    // Profiles, sessions, streams, codes, passkeys, two-step, audit rows, TV codes and the
    // account's own emails and texts all go with it (foreign keys, on delete cascade).
    await stores.accounts.delete(accountId);
    await publishWebhookEvent(stores, accountDeleted(accountId, at));
    await stores.outbox.enqueue({
      channel: "email",
      recipient: account.email,
      accountId: null,
      template: FAREWELL_TEMPLATE,
      // The account is gone when the farewell goes out: it carries the language and time zone it is read in.
      payload: { at: at.toISOString(), language: account.language, timeZone: account.timeZone },
      createdAt: at,
    });
    // No address or device: nothing of the person stays, only that the account existed and went.
    const anonymous: RequestContext = { ip: null, userAgent: null, requestId };
    await stores.audit.record(auditEvent("account_deleted", { accountId: null }, anonymous, at, { deletedAccountId: accountId, ...by }));
    return { signedOutDevices };
  });
}
