// Forgot password. Every request is its own flow: a single-use link by email (1 h), or a
// 6-digit code by text to the verified phone (10 min, 5 tries for that flow). Asking answers
// the same 202 for every address, with the same work on the request path (see code-flows/);
// whether anything is sent, and where, is decided when the message goes out. No request or
// wrong guess touches another flow's link or code. Completing one sets the new password, ends
// every other reset flow, signs out every device, and signs in the device that completed it.

import type { DeviceKind } from "../../contract/schemas/common";
import { auditEvent } from "../audit/events";
import { parseLinkToken } from "../code-flows/code-flow";
import { type OpenCodeFlow, openCodeFlow } from "../code-flows/open-code-flow";
import { codeRequester, startCodeFlow } from "../code-flows/start-code-flow";
import type { CoreDeps, RequestContext } from "../deps";
import { normalizeEmail } from "../email/address";
import { writeSecurityNotice } from "../notices/security-notice";
import { checkNewPassword, type NewPasswordProblem } from "../passwords/policy";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { issueDeviceCookie, knownDeviceId } from "../sessions/device-cookie";
import { replaceSession } from "../sessions/replace-session";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";

export type ResetMethod = "email" | "sms";

export async function requestPasswordReset(
  deps: CoreDeps,
  input: { email: string; method: ResetMethod; deviceCredential?: string | undefined },
  context: RequestContext,
): Promise<{ method: ResetMethod; flowId: string }> {
  const email = normalizeEmail(input.email) ?? input.email.trim().toLowerCase();
  const limited = await throttle(deps.limiter, [
    [`password-reset:ip:${clientNetwork(context)}`, deps.config.limits.passwordResetRequestPerIp],
  ]);
  // Past the per-IP limit the answer is the same; there is just no flow behind it.
  if (!limited.ok) return { method: input.method, flowId: deps.random.uuid() };
  const { flowId } = await inUnitOfWork(deps, (stores) =>
    startCodeFlow(deps, stores, {
      purpose: "password_reset",
      channel: input.method,
      address: email,
      requester: codeRequester(context, input.deviceCredential),
    }),
  );
  return { method: input.method, flowId };
}

export type CompleteResetInput = ({ token: string } | { flowId: string; code: string }) & {
  newPassword: string;
  device: { kind: DeviceKind; name: string };
  deviceCredential?: string | undefined;
};

type CompleteFailure = "LINK_INVALID" | "LINK_EXPIRED" | "RESET_CODE_INVALID" | "RATE_LIMITED" | NewPasswordProblem;

export async function completePasswordReset(
  deps: CoreDeps,
  input: CompleteResetInput,
  context: RequestContext,
): Promise<Result<SignedIn, CompleteFailure>> {
  const password = checkNewPassword(input.newPassword);
  const proof = "token" in input ? await checkLink(deps, input.token, context) : await checkCode(deps, input.flowId, input.code, context);
  if (!proof.ok) return proof;
  // The password's faults are told only to someone holding a valid link or code.
  if (!password.ok) return password;
  const { flow, account } = proof.value;
  const passwordHash = await deps.passwords.hash(password.value);
  const byEmail = flow.channel === "email";

  const done = await inUnitOfWork(deps, async (stores): Promise<Result<SignedIn, CompleteFailure>> => {
    const now = deps.clock.now();
    await stores.accounts.lockForUpdate(account.id);
    const current = await stores.accounts.findById(account.id);
    // The address or number the proof was sent to must still be the account's.
    const stillReachable = byEmail ? current?.email === flow.address : current?.phoneVerifiedAt != null && current.email === flow.address;
    const refused = byEmail ? "LINK_EXPIRED" : "RESET_CODE_INVALID";
    if (!current || !stillReachable) return fail(refused);
    if (!(await stores.codeFlows.redeem(flow.id, now))) return fail(refused);
    // Whichever flow was used, every other pending reset of the account dies with it.
    await stores.codeFlows.retireAll(account.id, "password_reset");
    await stores.accounts.updatePassword(account.id, passwordHash, now);
    // The link arrived by email: its owner controls the address.
    if (byEmail && !current.emailVerifiedAt) await stores.accounts.markEmailVerified(account.id, current.email, now);
    const { signedOutOtherDevices, ...issued } = await replaceSession(
      deps,
      stores,
      { accountId: account.id, device: input.device },
      {
        context,
        signOutOtherDevices: "password_changed",
      },
    );
    await stores.audit.record(
      auditEvent("password_reset", { accountId: account.id, sessionId: issued.session.id }, context, now, {
        method: flow.channel,
        signedOutDevices: signedOutOtherDevices,
      }),
    );
    await writeSecurityNotice(stores, current, { template: "password_changed", payload: { at: now.toISOString() } }, now);
    const profiles = await stores.profiles.listByAccount(account.id);
    const knownDevice = knownDeviceId(deps.keys.deviceCookies, input.deviceCredential, account.id);
    const deviceCookie = knownDevice ? input.deviceCredential! : issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
    return ok({ ...issued, account: { ...current, passwordHash, passwordChangedAt: now }, profiles, deviceCookie });
  });
  if (done.ok) await proof.value.attempt.succeeded();
  return done;
}

/**
 * LINK_INVALID when the token is not a reset link at all (mangled while copying); LINK_EXPIRED
 * for every well-formed one that doesn't work: used, ended by another reset, or past its
 * expiry. Either way the remedy is the same: ask for a new link.
 */
async function checkLink(
  deps: CoreDeps,
  token: string,
  context: RequestContext,
): Promise<Result<OpenCodeFlow, "LINK_INVALID" | "LINK_EXPIRED" | "RATE_LIMITED">> {
  const link = parseLinkToken(token);
  if (!link) return fail("LINK_INVALID");
  const check = {
    purpose: "password_reset" as const,
    ...link,
    maxAttempts: deps.config.recovery.resetCodeMaxAttempts,
    refused: "LINK_EXPIRED" as const,
  };
  return openCodeFlow(deps, check, context);
}

/**
 * One answer, RESET_CODE_INVALID, for an unknown flow, a flow that sent nothing, an expired or
 * used code, a wrong one and too many tries: anything finer would tell a stranger that the
 * account exists and has a verified phone.
 */
async function checkCode(
  deps: CoreDeps,
  flowId: string,
  code: string,
  context: RequestContext,
): Promise<Result<OpenCodeFlow, "RESET_CODE_INVALID" | "RATE_LIMITED">> {
  const check = {
    purpose: "password_reset" as const,
    flowId,
    secret: code.trim(),
    maxAttempts: deps.config.recovery.resetCodeMaxAttempts,
    refused: "RESET_CODE_INVALID" as const,
  };
  return openCodeFlow(deps, check, context);
}
