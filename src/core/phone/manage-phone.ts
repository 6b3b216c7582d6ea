// Add phone number, change it, verify it with the texted code, remove it.

import type { AccountRecord } from "../accounts/ports";
import { auditEvent } from "../audit/events";
import { digestsEqual } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import { checkCurrentPassword } from "../passwords/check-current-password";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import { phoneCodeDigest, sendPhoneCode } from "./phone-code";
import { maskPhone, parsePhone } from "./phone-number";

export interface SetPhoneInput {
  phone: string;
  country?: string;
  currentPassword: string;
  smsOptIn: boolean;
}

export interface PhoneSet {
  account: AccountRecord;
  /** Null when the number was already verified and only the opt-in changed. */
  codeExpiresAt: Date | null;
}

type SetPhoneFailure = "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED" | "INVALID_PHONE" | "PHONE_NOT_MOBILE" | "PHONE_IN_USE";

export async function setPhone(
  deps: CoreDeps,
  session: SessionRecord,
  input: SetPhoneInput,
  context: RequestContext,
): Promise<Result<PhoneSet, SetPhoneFailure>> {
  const phone = parsePhone(input.phone, input.country);
  if (!phone.ok) return phone;
  const checked = await checkCurrentPassword(deps, session.accountId, input.currentPassword, context);
  if (!checked.ok) return checked;
  const account = checked.value;
  const e164 = phone.value;
  if (await deps.stores.accounts.isPhoneVerifiedElsewhere(e164, account.id)) return fail("PHONE_IN_USE");

  const who = { accountId: account.id, sessionId: session.id };
  if (account.phoneE164 === e164 && account.phoneVerifiedAt) {
    // Same verified number: only the text-message choice changes; no new code needed.
    await deps.stores.accounts.setSmsOptIn(account.id, input.smsOptIn);
    return ok({ account: { ...account, smsOptIn: input.smsOptIn }, codeExpiresAt: null });
  }

  const limited = await throttle(deps.limiter, [[`phone-code-send:${account.id}`, deps.config.limits.phoneCodeSendPerAccount]]);
  if (!limited.ok) return limited;
  const code = await inUnitOfWork(deps, async (stores) => {
    await stores.accounts.setPhone(account.id, { e164, smsOptIn: input.smsOptIn });
    const sent = await sendPhoneCode(deps, stores, account.id, e164);
    const at = sent.createdAt;
    // Masked, never the whole number: enough for the owner to recognise it, not to text it.
    const phone = maskPhone(e164);
    const previous = account.phoneE164;
    await stores.audit.record(
      previous
        ? auditEvent("phone_changed", who, context, at, { from: maskPhone(previous), to: phone })
        : auditEvent("phone_added", who, context, at, { maskedPhone: phone }),
    );
    const change = previous ? "changed" : "added";
    await writeSecurityNotice(stores, account.id, { template: "phone_changed", payload: { phone, change, at: at.toISOString() } }, at);
    return sent;
  });
  const updated: AccountRecord = { ...account, phoneE164: e164, phoneVerifiedAt: null, smsOptIn: input.smsOptIn };
  return ok({ account: updated, codeExpiresAt: code.expiresAt });
}

export async function resendPhoneCode(
  deps: CoreDeps,
  session: SessionRecord,
): Promise<Result<PhoneSet, "NO_PHONE" | "PHONE_ALREADY_VERIFIED" | "RATE_LIMITED" | "UNAUTHENTICATED">> {
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  if (!account.phoneE164) return fail("NO_PHONE");
  if (account.phoneVerifiedAt) return fail("PHONE_ALREADY_VERIFIED");
  const limited = await throttle(deps.limiter, [[`phone-code-send:${account.id}`, deps.config.limits.phoneCodeSendPerAccount]]);
  if (!limited.ok) return limited;
  const e164 = account.phoneE164;
  const code = await inUnitOfWork(deps, (stores) => sendPhoneCode(deps, stores, account.id, e164));
  return ok({ account, codeExpiresAt: code.expiresAt });
}

type VerifyFailure =
  | "NO_PHONE"
  | "PHONE_ALREADY_VERIFIED"
  | "RATE_LIMITED"
  | "UNAUTHENTICATED"
  | "CODE_INVALID"
  | "CODE_EXPIRED"
  | "CODE_ATTEMPTS_EXCEEDED"
  | "PHONE_IN_USE";

export async function verifyPhone(
  deps: CoreDeps,
  session: SessionRecord,
  code: string,
  context: RequestContext,
): Promise<Result<AccountRecord, VerifyFailure>> {
  const limited = await throttle(deps.limiter, [[`phone-code-check:${session.accountId}`, deps.config.limits.phoneCodeCheckPerAccount]]);
  if (!limited.ok) return limited;
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  if (!account.phoneE164) return fail("NO_PHONE");
  if (account.phoneVerifiedAt) return fail("PHONE_ALREADY_VERIFIED");

  const active = await deps.stores.codes.findActive(account.id, "phone_verification");
  const now = deps.clock.now();
  if (!active || active.target !== account.phoneE164 || active.expiresAt.getTime() <= now.getTime()) {
    return fail("CODE_EXPIRED");
  }
  // Count the attempt before comparing, so concurrent guesses cannot exceed the allowance.
  const attempts = await deps.stores.codes.recordAttempt(active.id);
  if (attempts > deps.config.phoneCodes.maxAttempts) return fail("CODE_ATTEMPTS_EXCEEDED");
  if (!digestsEqual(phoneCodeDigest(deps.keys.oneTimeCodes, code), active.codeHash)) {
    return fail(attempts >= deps.config.phoneCodes.maxAttempts ? "CODE_ATTEMPTS_EXCEEDED" : "CODE_INVALID");
  }

  const e164 = account.phoneE164;
  return inUnitOfWork(deps, async (stores) => {
    // Account row first, as setPhone and removePhone do: a change or removal racing this
    // verification waits for it (or it for them) instead of deadlocking on the code row.
    await stores.accounts.lockForUpdate(account.id);
    if (!(await stores.codes.consume(active.id, now))) return fail("CODE_EXPIRED");
    if (!(await stores.accounts.markPhoneVerified(account.id, e164, now))) return fail("PHONE_IN_USE");
    await stores.audit.record(
      auditEvent("phone_verified", { accountId: account.id, sessionId: session.id }, context, now, { maskedPhone: maskPhone(e164) }),
    );
    return ok({ ...account, phoneVerifiedAt: now });
  });
}

export async function removePhone(
  deps: CoreDeps,
  session: SessionRecord,
  currentPassword: string,
  context: RequestContext,
): Promise<Result<void, "WRONG_PASSWORD" | "RATE_LIMITED" | "UNAUTHENTICATED" | "NO_PHONE">> {
  const checked = await checkCurrentPassword(deps, session.accountId, currentPassword, context);
  if (!checked.ok) return checked;
  if (!checked.value.phoneE164) return fail("NO_PHONE");
  await inUnitOfWork(deps, async (stores) => {
    const at = deps.clock.now();
    await stores.accounts.setPhone(session.accountId, null);
    // Retire the code still pending, or a verification racing this removal could redeem it
    // afterwards and bring the number back, verified. (Account row first, then the code,
    // the order every phone change takes its locks in.)
    const pending = await stores.codes.findActive(session.accountId, "phone_verification");
    if (pending) await stores.codes.consume(pending.id, at);
    const phone = maskPhone(checked.value.phoneE164!);
    await stores.audit.record(
      auditEvent("phone_removed", { accountId: session.accountId, sessionId: session.id }, context, at, { maskedPhone: phone }),
    );
    await writeSecurityNotice(
      stores,
      session.accountId,
      { template: "phone_changed", payload: { phone, change: "removed", at: at.toISOString() } },
      at,
    );
  });
  return ok(undefined);
}
