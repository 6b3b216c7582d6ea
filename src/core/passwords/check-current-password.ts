// The account page asks for the current password before changing the password or phone.
// Those checks are credential checks too, so they are throttled per account.

import type { AccountRecord } from "../accounts/ports";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { normalizePassword } from "./policy";

export async function checkCurrentPassword(
  deps: CoreDeps,
  accountId: string,
  password: string,
  context: RequestContext,
): Promise<Result<AccountRecord, "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED">> {
  const limited = await throttle(deps.limiter, [[`password-check:account:${accountId}`, deps.config.limits.passwordCheckPerAccount]]);
  if (!limited.ok) return limited;
  const account = await deps.stores.accounts.findById(accountId);
  if (!account) return fail("UNAUTHENTICATED");
  if (!(await deps.passwords.verify(account.passwordHash, normalizePassword(password)))) {
    await deps.stores.audit.record(auditEvent("password_check_failed", { accountId }, context, deps.clock.now()));
    return fail("WRONG_PASSWORD");
  }
  await limited.succeeded();
  return ok(account);
}
