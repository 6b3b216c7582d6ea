// Email verification after sign-up: a single-use link (24 h) to the account's address; a new
// one (resend) retires the previous. Opening the link needs no session: it may be opened on
// any device, and the link itself is the proof.
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { Stores } from "../ports";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import { findLink, writeLink } from "./link-token";

export const EMAIL_VERIFICATION_TEMPLATE = "email_verification";

/** Writes the link and its email in the caller's transaction (sign-up's, or resend's). */
export async function writeEmailVerification(
  deps: Pick<CoreDeps, "clock" | "random" | "keys" | "config">,
  stores: Stores,
  account: { id: string; email: string },
): Promise<void> {
  const { token, record } = await writeLink(deps, stores, {
    accountId: account.id,
    purpose: "email_verification",
    target: account.email,
    ttlMs: deps.config.recovery.emailVerificationTtlMs,
  });
  await stores.outbox.enqueue({
    channel: "email",
    recipient: account.email,
    accountId: account.id,
    template: EMAIL_VERIFICATION_TEMPLATE,
    payload: { token },
    createdAt: record.createdAt,
  });
}

export async function resendEmailVerification(
  deps: CoreDeps,
  session: SessionRecord,
): Promise<Result<{ email: string }, "UNAUTHENTICATED" | "EMAIL_ALREADY_VERIFIED" | "RATE_LIMITED">> {
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  if (account.emailVerifiedAt) return fail("EMAIL_ALREADY_VERIFIED");
  const limited = await throttle(deps.limiter, [
    [`email-verification-send:${account.id}`, deps.config.limits.emailVerificationSendPerAccount],
  ]);
  if (!limited.ok) return limited;
  await inUnitOfWork(deps, (stores) => writeEmailVerification(deps, stores, account));
  return ok({ email: account.email });
}

export async function verifyEmail(
  deps: CoreDeps,
  token: string,
  context: RequestContext,
): Promise<Result<{ email: string }, "LINK_INVALID" | "LINK_EXPIRED" | "RATE_LIMITED">> {
  const limited = await throttle(deps.limiter, [[`link-check:ip:${clientNetwork(context)}`, deps.config.limits.linkCheckPerIp]]);
  if (!limited.ok) return limited;
  const link = await findLink(deps, token, "email_verification");
  if (!link.ok) return link;
  const { id, accountId, target } = link.value;
  return inUnitOfWork(deps, async (stores) => {
    const now = deps.clock.now();
    await stores.accounts.lockForUpdate(accountId);
    // The address changed since the link was sent: it proves nothing about the new one.
    if ((await stores.accounts.findById(accountId))?.email !== target) return fail("LINK_EXPIRED");
    // One conditional update: of two clicks at once, one verifies and the other is told it was used.
    if (!(await stores.codes.consume(id, now))) return fail("LINK_EXPIRED");
    await stores.accounts.markEmailVerified(accountId, target, now);
    await stores.audit.record(auditEvent("email_verified", { accountId }, context, now));
    return ok({ email: target });
  });
}
