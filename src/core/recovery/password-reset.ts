// Forgot password. Asking for a reset answers the same whether or not the address has an
// account (or, for SMS, a verified phone), after the same work: the same limits, a token or
// code made and digested, one audit row. The email way sends a single-use link (1 h); the SMS
// way texts a 6-digit code (10 min, 5 attempts) to the verified phone. Completing either sets
// the new password, signs out every device, and signs in the device that completed it.
import { auditEvent } from "../audit/events";
import { normalizeEmail } from "../accounts/email";
import type { SignedIn } from "../accounts/signed-in";
import { digestsEqual, hmacSha256Hex } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { checkNewPassword, type NewPasswordProblem } from "../passwords/policy";
import type { AccountRecord, OneTimeCodeRecord } from "../ports";
import { keyPart, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { issueDeviceCookie, knownDeviceId } from "../sessions/device-cookie";
import { issueSession } from "../sessions/issue-session";
import type { DeviceKind } from "../../contract/schemas/common";
import { findLink, linkDigest, writeLink } from "./link-token";

export type ResetMethod = "email" | "sms";

const codeDigest = (key: Buffer, code: string): string => hmacSha256Hex(key, `reset:${code}`);

export async function requestPasswordReset(
  deps: CoreDeps,
  input: { email: string; method: ResetMethod },
  context: RequestContext,
): Promise<Result<{ method: ResetMethod }, "RATE_LIMITED">> {
  const normalized = normalizeEmail(input.email);
  const email = normalized ?? input.email.trim().toLowerCase();
  const limits = deps.config.limits;
  const limited = await throttle(deps.limiter, [
    [`password-reset:ip:${context.ip}`, limits.passwordResetRequestPerIp],
    [`password-reset:email:${keyPart(email)}`, limits.passwordResetRequestPerEmail],
  ]);
  if (limited) return limited;
  const account = normalized ? await deps.stores.accounts.findByEmail(normalized) : null;
  const phone = account?.phoneVerifiedAt ? account.phoneE164 : null;
  const reachable = input.method === "email" ? account !== null : phone !== null;

  await deps.stores.transaction(async (stores) => {
    const now = deps.clock.now();
    if (account && reachable) {
      if (input.method === "email") {
        const { token } = await writeLink(deps, stores, {
          accountId: account.id,
          purpose: "password_reset_link",
          target: account.email,
          ttlMs: deps.config.recovery.resetLinkTtlMs,
        });
        await stores.outbox.enqueue({ channel: "email", recipient: account.email, template: "password_reset", payload: { token }, createdAt: now });
      } else {
        const code = deps.random.digits(6);
        await stores.codes.replace({
          id: deps.random.uuid(),
          accountId: account.id,
          purpose: "password_reset_code",
          target: phone!,
          codeHash: codeDigest(deps.keys.oneTimeCodes, code),
          expiresAt: new Date(now.getTime() + deps.config.recovery.resetCodeTtlMs),
          attempts: 0,
          usedAt: null,
          createdAt: now,
        });
        await stores.outbox.enqueue({ channel: "sms", recipient: phone!, template: "password_reset_code", payload: { code }, createdAt: now });
      }
    } else {
      // Nothing to send; the same secret-making work, so the answer's timing gives nothing away.
      linkDigest(deps.keys.oneTimeCodes, deps.random.bytes(32).toString("base64url"));
    }
    await stores.audit.record(
      auditEvent("password_reset_requested", { accountId: account?.id ?? null }, context, now, {
        method: input.method,
        sent: Boolean(account && reachable),
        ...(account ? {} : { emailKey: keyPart(email) }),
      }),
    );
  });
  if (account && reachable) deps.outboxWritten();
  return ok({ method: input.method });
}

export type CompleteResetInput = ({ token: string } | { email: string; code: string }) & {
  newPassword: string;
  device: { kind: DeviceKind; name: string };
  deviceCookie?: string;
};

type CompleteFailure = "LINK_INVALID" | "LINK_EXPIRED" | "RESET_CODE_INVALID" | "RATE_LIMITED" | NewPasswordProblem;

export async function completePasswordReset(
  deps: CoreDeps,
  input: CompleteResetInput,
  context: RequestContext,
): Promise<Result<SignedIn, CompleteFailure>> {
  const password = checkNewPassword(input.newPassword);
  const proof = "token" in input ? await checkLink(deps, input.token, context) : await checkCode(deps, input.email, input.code, context);
  if (!proof.ok) return proof;
  // The password's faults are told only to someone holding a valid link or code.
  if (!password.ok) return password;
  const { account, code } = proof.value;
  const passwordHash = await deps.passwords.hash(password.value);

  const done = await deps.stores.transaction(async (stores): Promise<Result<SignedIn, CompleteFailure>> => {
    const now = deps.clock.now();
    await stores.accounts.lockForUpdate(account.id);
    const current = await stores.accounts.findById(account.id);
    // The address or number the proof was sent to must still be the account's.
    const stillTarget = code.purpose === "password_reset_link" ? current?.email === code.target : current?.phoneE164 === code.target && current.phoneVerifiedAt !== null;
    const refused = code.purpose === "password_reset_link" ? "LINK_EXPIRED" : "RESET_CODE_INVALID";
    if (!current || !stillTarget) return fail(refused);
    if (!(await stores.codes.consume(code.id, now))) return fail(refused);
    // Whichever way was used, the other way's pending proof dies with it.
    const other = await stores.codes.findActive(account.id, code.purpose === "password_reset_link" ? "password_reset_code" : "password_reset_link");
    if (other) await stores.codes.consume(other.id, now);
    await stores.accounts.updatePassword(account.id, passwordHash, now);
    // The link arrived by email: its owner controls the address.
    if (code.purpose === "password_reset_link" && !current.emailVerifiedAt) await stores.accounts.markEmailVerified(account.id, current.email, now);
    const signedOutDevices = await stores.sessions.revokeAllForAccount(account.id, now, "password_changed");
    const issued = await issueSession(deps, stores, { accountId: account.id, device: input.device, context });
    await stores.audit.record(
      auditEvent("password_reset", { accountId: account.id, sessionId: issued.session.id }, context, now, {
        method: code.purpose === "password_reset_link" ? "email" : "sms",
        signedOutDevices,
      }),
    );
    await stores.outbox.enqueue({ channel: "email", recipient: current.email, template: "password_changed", payload: { at: now.toISOString() }, createdAt: now });
    const profiles = await stores.profiles.listByAccount(account.id);
    const knownDevice = knownDeviceId(deps.keys.deviceCookies, input.deviceCookie, account.id);
    const deviceCookie = knownDevice ? input.deviceCookie! : issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
    return ok({ ...issued, account: { ...current, passwordHash, passwordChangedAt: now }, profiles, deviceCookie });
  });
  if (done.ok) {
    deps.sessionsRevoked(account.id);
    deps.outboxWritten();
  }
  return done;
}

type Proof = { account: AccountRecord; code: OneTimeCodeRecord };

async function checkLink(deps: CoreDeps, token: string, context: RequestContext): Promise<Result<Proof, "LINK_INVALID" | "LINK_EXPIRED" | "RATE_LIMITED">> {
  const limited = await throttle(deps.limiter, [[`link-check:ip:${context.ip}`, deps.config.limits.linkCheckPerIp]]);
  if (limited) return limited;
  const link = await findLink(deps, token, "password_reset_link");
  if (!link.ok) return link;
  const account = await deps.stores.accounts.findById(link.value.accountId);
  return account ? ok({ account, code: link.value }) : fail("LINK_EXPIRED");
}

/**
 * One answer, RESET_CODE_INVALID, for an unknown address, no code, an expired or used one, a
 * wrong one and too many tries: anything finer would tell a stranger that the account exists
 * and has a verified phone. Each try is counted before comparing, so racing guesses all count.
 */
async function checkCode(deps: CoreDeps, emailInput: string, code: string, context: RequestContext): Promise<Result<Proof, "RESET_CODE_INVALID" | "RATE_LIMITED">> {
  const normalized = normalizeEmail(emailInput);
  const email = normalized ?? emailInput.trim().toLowerCase();
  const limits = deps.config.limits;
  const limited = await throttle(deps.limiter, [
    [`reset-code-check:ip:${context.ip}`, limits.passwordResetCodeCheckPerIp],
    [`reset-code-check:email:${keyPart(email)}`, limits.passwordResetCodeCheckPerEmail],
  ]);
  if (limited) return limited;
  const digest = codeDigest(deps.keys.oneTimeCodes, code);
  const account = normalized ? await deps.stores.accounts.findByEmail(normalized) : null;
  const active = account ? await deps.stores.codes.findActive(account.id, "password_reset_code") : null;
  if (!account || !active || active.expiresAt.getTime() <= deps.clock.now().getTime()) return fail("RESET_CODE_INVALID");
  const attempts = await deps.stores.codes.recordAttempt(active.id);
  if (attempts > deps.config.recovery.resetCodeMaxAttempts || !digestsEqual(digest, active.codeHash)) return fail("RESET_CODE_INVALID");
  return ok({ account, code: active });
}
