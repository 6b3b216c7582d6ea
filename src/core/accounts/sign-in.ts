// Sign in with email and password. A wrong email and a wrong password answer the same
// INVALID_CREDENTIALS after the same work (one hash verification), so neither the message
// nor the timing tells whether an account exists.
//
// Throttles slow attackers without locking the owner out. Guesses count per network, per
// account and network, and per account across networks. A browser or app that signed in to
// the account before (its device credential) is exempt from the account-wide count and has
// a budget of its own. A new device is never refused for the account-wide count either: once
// it is spent, the answer no longer depends on the password (so guessing learns nothing
// more), and a code goes to the owner's email (and verified phone) only when it was right.
import type { DeviceKind } from "../../contract/schemas/common";
import { auditEvent } from "../audit/events";
import { codeRequester, startCodeFlow } from "../code-flows/start-code-flow";
import type { CoreDeps, RequestContext } from "../deps";
import { normalizeEmail } from "../email/address";
import { countedSignIn } from "../metrics/counted-sign-in";
import type { TwoStepRequired } from "../mfa/two-step-sign-in";
import { normalizePassword } from "../passwords/policy";
import { clientNetwork } from "../rate-limit/client-network";
import { keyPart, type Limit, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { knownDeviceId } from "../sessions/device-cookie";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import type { AccountRecord } from "./ports";
import { signInProven } from "./proven-sign-in";

export interface SignInInput {
  email: string;
  password: string;
  device: { kind: DeviceKind; name: string };
  /** The browser's device cookie or the app's device token, if it has one. */
  deviceCredential?: string | undefined;
  /** Apps keep their token themselves; remembered across a second step. */
  keepsTokenItself?: boolean;
}

/** The account's guess budget for new devices is spent: finish with the code sent to the owner. */
export interface SignInCodeRequired {
  signInCodeRequired: true;
  flowId: string;
  expiresAt: Date;
}

type SignInAnswer = Result<SignedIn | TwoStepRequired | SignInCodeRequired, "INVALID_CREDENTIALS" | "RATE_LIMITED">;

export function signIn(deps: CoreDeps, input: SignInInput, context: RequestContext): Promise<SignInAnswer> {
  return countedSignIn(deps, "password", checkPassword(deps, input, context));
}

async function checkPassword(deps: CoreDeps, input: SignInInput, context: RequestContext): Promise<SignInAnswer> {
  const normalized = normalizeEmail(input.email);
  // The raw form still keys the limits, so junk emails are throttled like real ones.
  const email = normalized ?? input.email.trim().toLowerCase();
  // Only normalized emails are ever stored, so anything else has no account to look up.
  const found = normalized ? await deps.stores.accounts.findForSignIn(normalized) : null;
  const account = found?.account ?? null;

  const limits = deps.config.limits;
  const network = clientNetwork(context);
  const knownDevice = account ? knownDeviceId(deps.keys.deviceCookies, input.deviceCredential, account.id) : null;
  const checks: Limit[] = [[`sign-in:ip:${network}`, limits.signInPerIp]];
  if (knownDevice) checks.push([`sign-in:device:${knownDevice}`, limits.signInPerKnownDevice]);
  else checks.push([`sign-in:account-ip:${keyPart(`${email}|${network}`)}`, limits.signInPerAccountAndIp]);
  const attempt = await throttle(deps.limiter, checks);
  if (!attempt.ok) return attempt;
  const accountWide = knownDevice ? null : await throttle(deps.limiter, [[`sign-in:account:${keyPart(email)}`, limits.signInPerAccount]]);

  const passwordMatches = await deps.passwords.verify(account?.passwordHash ?? null, normalizePassword(input.password));
  if (accountWide && !accountWide.ok) return ok(await askForSignInCode(deps, input, email, account, passwordMatches, context));
  if (!account || !passwordMatches) {
    await recordFailure(deps, account, email, context);
    return fail("INVALID_CREDENTIALS");
  }
  // Budgets count failures: a right password gives back its own attempt, never more.
  await attempt.succeeded();
  await accountWide?.succeeded();
  const signedIn = await signInProven(
    deps,
    account,
    {
      device: input.device,
      deviceCredential: input.deviceCredential,
      keepsTokenItself: input.keepsTokenItself ?? false,
      method: "password",
    },
    context,
    found?.twoStep,
  );
  return ok(signedIn);
}

/**
 * Past the account-wide budget: the same answer and the same work whether the password was
 * right, wrong, or the account doesn't exist. The flow remembers which; the code goes out only
 * for the right one (see code-flows/deliver-code-flow.ts).
 */
async function askForSignInCode(
  deps: CoreDeps,
  input: SignInInput,
  email: string,
  account: AccountRecord | null,
  passwordMatches: boolean,
  context: RequestContext,
): Promise<SignInCodeRequired> {
  const passwordProven = account !== null && passwordMatches;
  const started = await inUnitOfWork(deps, async (stores) => {
    const flow = await startCodeFlow(deps, stores, {
      purpose: "sign_in",
      channel: "email",
      address: email,
      requester: codeRequester(context, input.deviceCredential),
      passwordProven,
      deviceName: input.device.name,
    });
    const type = passwordProven ? "sign_in_code_required" : "sign_in_failed";
    await stores.audit.record(
      auditEvent(type, { accountId: account?.id ?? null }, context, deps.clock.now(), failureDetails(account, email)),
    );
    return flow;
  });
  return { signInCodeRequired: true, ...started };
}

async function recordFailure(deps: CoreDeps, account: AccountRecord | null, email: string, context: RequestContext): Promise<void> {
  // Recorded for unknown emails too, so both failures do the same work.
  await deps.stores.audit.record(
    auditEvent("sign_in_failed", { accountId: account?.id ?? null }, context, deps.clock.now(), failureDetails(account, email)),
  );
}

const failureDetails = (account: AccountRecord | null, email: string) => (account ? {} : { emailKey: keyPart(email) });
