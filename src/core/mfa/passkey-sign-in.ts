// Signing in with a passkey alone (a discoverable credential: no email typed), and proving
// it's you again with a passkey (re-authentication). Each ceremony is a stored, single-use,
// 5-minute flow found by the challenge the authenticator signed.
import type { DeviceKind } from "../../contract/schemas/common";
import { sha256Hex } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { countedSignIn } from "../metrics/counted-sign-in";
import { clientNetwork } from "../rate-limit/client-network";
import { type Pass, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { finishSignIn } from "../sessions/finish-sign-in";
import type { IssuedSession } from "../sessions/issue-session";
import type { SessionRecord } from "../sessions/ports";
import { finishReauthentication } from "../sessions/reauthenticate";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import type { AuthFlowRecord, PasskeyRecord } from "./ports";
import {
  type AuthenticationResponseJSON,
  authenticationOptions,
  signedChallenge,
  storeCeremony,
  userHandleOf,
  verifyAssertion,
} from "./webauthn";

type PasskeyFailure = "PASSKEY_INVALID" | "PASSKEY_UNKNOWN" | "PASSKEY_CHALLENGE_EXPIRED" | "RATE_LIMITED";

/** Options for a passkey sign-in: no allow-list, the browser offers the site's discoverable passkeys. */
export async function startPasskeySignIn(
  deps: CoreDeps,
  context: RequestContext,
): Promise<Result<Record<string, unknown>, "RATE_LIMITED">> {
  // Unauthenticated writes: throttled per IP like sign-in.
  const limited = await throttle(deps.limiter, [[`sign-in:ip:${clientNetwork(context)}`, deps.config.limits.signInPerIp]]);
  if (!limited.ok) return limited;
  const options = await authenticationOptions(deps, null);
  await storeCeremony(deps, deps.stores, "passkey_sign_in", null, options.challenge, { purpose: "sign_in" });
  return ok({ ...options });
}

/** Options for re-authenticating this session with one of the account's passkeys. */
export async function startPasskeyReauthentication(deps: CoreDeps, session: SessionRecord): Promise<Record<string, unknown>> {
  const options = await authenticationOptions(deps, await deps.stores.passkeys.listByAccount(session.accountId));
  await storeCeremony(deps, deps.stores, "passkey_sign_in", session.accountId, options.challenge, { purpose: "reauth" });
  return { ...options };
}

/** Checks an assertion against its ceremony; answers the flow and the passkey it was made with. */
async function checkAssertion(
  deps: CoreDeps,
  response: AuthenticationResponseJSON,
  purpose: "sign_in" | "reauth",
  accountId: string | null,
): Promise<Result<{ flow: AuthFlowRecord; passkey: PasskeyRecord; counter: number; attempt: Pass }, PasskeyFailure>> {
  const challenge = signedChallenge(response.response.clientDataJSON);
  const flow = challenge ? await deps.stores.authFlows.findByHandle("passkey_sign_in", sha256Hex(challenge)) : null;
  if (flow?.status !== "pending" || !flow.webauthnChallenge || flow.details.purpose !== purpose || flow.accountId !== accountId) {
    return fail("PASSKEY_INVALID");
  }
  if (flow.expiresAt.getTime() <= deps.clock.now().getTime()) return fail("PASSKEY_CHALLENGE_EXPIRED");
  const passkey = await deps.stores.passkeys.findById(response.id);
  if (!passkey || (accountId !== null && passkey.accountId !== accountId)) return fail("PASSKEY_UNKNOWN");
  // A discoverable passkey names its account too; it must be the passkey's own.
  if (response.response.userHandle && response.response.userHandle !== userHandleOf(passkey.accountId)) return fail("PASSKEY_UNKNOWN");
  const limited = await throttle(deps.limiter, [[`two-step-code:account:${passkey.accountId}`, deps.config.limits.twoStepCodePerAccount]]);
  if (!limited.ok) return limited;
  const counter = await verifyAssertion(deps, response, passkey, flow.webauthnChallenge);
  if (counter === null) return fail("PASSKEY_INVALID");
  return ok({ flow, passkey, counter, attempt: limited });
}

type PasskeySignInInput = {
  passkey: AuthenticationResponseJSON;
  device: { kind: DeviceKind; name: string };
  deviceCookie?: string | undefined;
};

export function signInWithPasskey(
  deps: CoreDeps,
  input: PasskeySignInInput,
  context: RequestContext,
): Promise<Result<SignedIn, PasskeyFailure>> {
  return countedSignIn(deps, "passkey", checkPasskey(deps, input, context));
}

async function checkPasskey(deps: CoreDeps, input: PasskeySignInInput, context: RequestContext): Promise<Result<SignedIn, PasskeyFailure>> {
  // A credential check without an account to key on yet: throttled per IP like sign-in.
  const limited = await throttle(deps.limiter, [[`sign-in:ip:${clientNetwork(context)}`, deps.config.limits.signInPerIp]]);
  if (!limited.ok) return limited;
  const checked = await checkAssertion(deps, input.passkey, "sign_in", null);
  if (!checked.ok) return checked;
  const { flow, passkey, counter, attempt } = checked.value;
  const account = await deps.stores.accounts.findById(passkey.accountId);
  if (!account) return fail("PASSKEY_UNKNOWN");
  const signedIn = await inUnitOfWork(deps, async (stores) => {
    if (!(await stores.authFlows.redeem(flow.id, deps.clock.now()))) return fail("PASSKEY_INVALID");
    await stores.passkeys.recordUse(passkey.id, counter, deps.clock.now());
    return ok(
      await finishSignIn(deps, stores, account, {
        device: input.device,
        deviceCookie: input.deviceCookie,
        method: "passkey_only",
        passkeyName: passkey.name,
        context,
      }),
    );
  });
  if (signedIn.ok) await Promise.all([limited.succeeded(), attempt.succeeded()]);
  return signedIn;
}

export async function reauthenticateWithPasskey(
  deps: CoreDeps,
  session: SessionRecord,
  response: AuthenticationResponseJSON,
  context: RequestContext,
): Promise<Result<IssuedSession, PasskeyFailure>> {
  const checked = await checkAssertion(deps, response, "reauth", session.accountId);
  if (!checked.ok) return checked;
  const { flow, passkey, counter, attempt } = checked.value;
  if (!(await deps.stores.authFlows.redeem(flow.id, deps.clock.now()))) return fail("PASSKEY_INVALID");
  await deps.stores.passkeys.recordUse(passkey.id, counter, deps.clock.now());
  await attempt.succeeded();
  return ok(await finishReauthentication(deps, session, context, { method: "passkey", passkeyName: passkey.name }));
}
