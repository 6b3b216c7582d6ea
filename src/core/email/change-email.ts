// Change email: after re-authentication (the current password), a single-use link (24 h) goes
// to the new address; opening it makes that the account's email (verified) and tells the old
// address, with "This wasn't me". Until then nothing changes, so a typo costs nothing.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import { normalizeEmail } from "./address";
import { findLink, writeLink } from "./link-token";

/** "alex.smith@example.com" → "a***@example.com": recognisable by its owner only. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@") as [string, string];
  return `${local.charAt(0)}***@${domain}`;
}

type RequestFailure = "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED" | "INVALID_EMAIL" | "EMAIL_UNCHANGED" | "EMAIL_TAKEN";

export async function requestEmailChange(
  deps: CoreDeps,
  session: SessionRecord,
  input: { newEmail: string; currentPassword: string },
  context: RequestContext,
): Promise<Result<{ sentTo: string }, RequestFailure>> {
  const newEmail = normalizeEmail(input.newEmail);
  if (!newEmail) return fail("INVALID_EMAIL");
  const checked = await checkCurrentPassword(deps, session.accountId, input.currentPassword, context);
  if (!checked.ok) return checked;
  const account = checked.value;
  if (newEmail === account.email) return fail("EMAIL_UNCHANGED");
  if (await deps.stores.accounts.findByEmail(newEmail)) return fail("EMAIL_TAKEN");
  const limited = await throttle(deps.limiter, [
    [`email-verification-send:${account.id}`, deps.config.limits.emailVerificationSendPerAccount],
  ]);
  if (!limited.ok) return limited;

  await inUnitOfWork(deps, async (stores) => {
    const { token, record } = await writeLink(deps, stores, {
      accountId: account.id,
      purpose: "email_change",
      target: newEmail,
      ttlMs: deps.config.recovery.emailChangeTtlMs,
    });
    await stores.outbox.enqueue({
      channel: "email",
      recipient: newEmail,
      accountId: account.id,
      template: "email_change",
      payload: { token },
      createdAt: record.createdAt,
    });
    await stores.audit.record(
      auditEvent("email_change_requested", { accountId: account.id, sessionId: session.id }, context, record.createdAt),
    );
  });
  return ok({ sentTo: newEmail });
}

export async function confirmEmailChange(
  deps: CoreDeps,
  token: string,
  context: RequestContext,
): Promise<Result<{ email: string }, "LINK_INVALID" | "LINK_EXPIRED" | "RATE_LIMITED" | "EMAIL_TAKEN">> {
  const limited = await throttle(deps.limiter, [[`link-check:ip:${clientNetwork(context)}`, deps.config.limits.linkCheckPerIp]]);
  if (!limited.ok) return limited;
  const link = await findLink(deps, token, "email_change");
  if (!link.ok) return link;
  const { id, accountId, target } = link.value;
  if (await deps.stores.accounts.findByEmail(target)) return fail("EMAIL_TAKEN");

  return inUnitOfWork(deps, async (stores): Promise<Result<{ email: string }, "LINK_EXPIRED" | "EMAIL_TAKEN">> => {
    const now = deps.clock.now();
    await stores.accounts.lockForUpdate(accountId);
    const before = await stores.accounts.findById(accountId);
    if (!before) return fail("LINK_EXPIRED");
    if (!(await stores.codes.consume(id, now))) return fail("LINK_EXPIRED");
    // A sign-up or another account's change took the address since the check above: the
    // consumed link rolls back with the rest, and works again once the address is free.
    if (!(await stores.accounts.changeEmail(accountId, target, now))) return fail("EMAIL_TAKEN");
    await stores.audit.record(
      auditEvent("email_changed", { accountId }, context, now, { from: maskEmail(before.email), to: maskEmail(target) }),
    );
    // The notice goes to the old address: its owner is the one who must hear of it.
    await writeSecurityNotice(
      stores,
      before,
      { template: "email_changed", payload: { newEmail: maskEmail(target), at: now.toISOString() } },
      now,
    );
    return ok({ email: target });
  });
}
