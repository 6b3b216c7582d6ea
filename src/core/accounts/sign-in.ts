// Sign in with email and password. A wrong email and a wrong password answer the same
// INVALID_CREDENTIALS after the same work (one hash verification), so neither the message
// nor the timing tells whether an account exists.
import type { DeviceKind } from "../../contract/schemas/common";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { normalizePassword } from "../passwords/policy";
import { keyPart, throttle, type Limit } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { issueDeviceCookie, knownDeviceId } from "../sessions/device-cookie";
import { issueSession } from "../sessions/issue-session";
import { normalizeEmail } from "./email";
import type { SignedIn } from "./signed-in";
// issue 5: a second step when the account has one
import { startTwoStep, type TwoStepRequired } from "../mfa/two-step-sign-in";
import { twoStepState } from "../mfa/two-step-state";
import { writeSecurityNotice } from "../notices/security-notice";

export interface SignInInput {
  email: string;
  password: string;
  device: { kind: DeviceKind; name: string };
  /** The browser's device cookie, if it has one. */
  deviceCookie?: string;
  /** Apps keep their token themselves; remembered across a second step. */
  keepsTokenItself?: boolean;
}

export async function signIn(
  deps: CoreDeps,
  input: SignInInput,
  context: RequestContext,
): Promise<Result<SignedIn | TwoStepRequired, "INVALID_CREDENTIALS" | "RATE_LIMITED">> {
  const normalized = normalizeEmail(input.email);
  // The raw form still keys the limits, so junk emails are throttled like real ones.
  const email = normalized ?? input.email.trim().toLowerCase();
  // Only normalized emails are ever stored, so anything else has no account to look up.
  const account = normalized ? await deps.stores.accounts.findByEmail(normalized) : null;

  const limits = deps.config.limits;
  const knownDevice = account ? knownDeviceId(deps.keys.deviceCookies, input.deviceCookie, account.id) : null;
  const perAccountAndIp = `sign-in:account-ip:${keyPart(`${email}|${context.ip}`)}`;
  const checks: Limit[] = [[`sign-in:ip:${context.ip}`, limits.signInPerIp]];
  if (knownDevice) {
    checks.push([`sign-in:device:${knownDevice}`, limits.signInPerKnownDevice]);
  } else {
    checks.push([perAccountAndIp, limits.signInPerAccountAndIp], [`sign-in:account:${keyPart(email)}`, limits.signInPerAccount]);
  }
  const limited = await throttle(deps.limiter, checks);
  if (limited) return limited;

  const passwordMatches = await deps.passwords.verify(account?.passwordHash ?? null, normalizePassword(input.password));
  if (!account || !passwordMatches) {
    // Recorded for unknown emails too, so both failures do the same work.
    await deps.stores.audit.record(
      auditEvent("sign_in_failed", { accountId: account?.id ?? null }, context, deps.clock.now(), {
        ...(account ? {} : { emailKey: keyPart(email) }),
      }),
    );
    return fail("INVALID_CREDENTIALS");
  }

  await deps.limiter.reset(knownDevice ? `sign-in:device:${knownDevice}` : perAccountAndIp);
  // The password alone is not enough when the account has a second factor: answer a challenge.
  const state = await twoStepState(deps.stores, account.id);
  if (state.enabled) {
    return ok(await startTwoStep(deps, account, state, { ...input.device, keepsTokenItself: input.keepsTokenItself ?? false }));
  }
  const signedIn = await deps.stores.transaction(async (stores) => {
    const issued = await issueSession(deps, stores, { accountId: account.id, device: input.device, context });
    // A browser this account has signed in on before (device cookie) is not news; anything else is.
    if (!knownDevice) {
      const at = issued.session.createdAt;
      const payload = { device: input.device.name, ip: context.ip, at: at.toISOString() };
      await writeSecurityNotice(stores, account.id, { template: "new_sign_in", payload }, at);
    }
    await stores.audit.record(
      auditEvent("signed_in", { accountId: account.id, sessionId: issued.session.id }, context, issued.session.createdAt, {
        deviceName: input.device.name,
      }),
    );
    const profiles = await stores.profiles.listByAccount(account.id);
    const deviceCookie = knownDevice ? input.deviceCookie! : issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
    return ok({ ...issued, account, profiles, deviceCookie });
  });
  if (!knownDevice) deps.outboxWritten();
  return signedIn;
}
