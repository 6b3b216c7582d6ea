// Sign-in with two-step verification. A correct password on an account with a second factor
// answers a challenge instead of a session: an opaque handle (only its SHA-256 is stored)
// for a flow record bound to that attempt, pending for 5 minutes. A TOTP code, a backup code
// or a passkey completes it; redeeming is one conditional update, so it completes once.
import type { DeviceKind } from "../../contract/schemas/common";
import type { TwoStepMethod } from "../../contract/schemas/two-step";
import type { AccountRecord } from "../accounts/ports";
import { auditEvent } from "../audit/events";
import { sha256Hex } from "../crypto/hashing";
import { randomToken } from "../crypto/random";
import type { CoreDeps, RequestContext } from "../deps";
import { countedSignIn } from "../metrics/counted-sign-in";
import { type Pass, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { finishSignIn } from "../sessions/finish-sign-in";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import { looksLikeBackupCode, spendBackupCode } from "./backup-codes";
import { openTotpSecret } from "./manage-totp";
import type { AuthFlowRecord } from "./ports";
import { matchTotp } from "./totp";
import type { TwoStepState } from "./two-step-facts";
import { twoStepMethods } from "./two-step-state";
import { type AuthenticationResponseJSON, authenticationOptions, verifyAssertion } from "./webauthn";

export interface TwoStepRequired {
  twoStepRequired: true;
  challenge: string;
  expiresAt: Date;
  methods: TwoStepMethod[];
  passkeyOptions: Record<string, unknown> | null;
}

interface TwoStepDetails {
  deviceKind: DeviceKind;
  deviceName: string;
  keepsTokenItself: boolean;
}

export async function startTwoStep(
  deps: CoreDeps,
  account: AccountRecord,
  state: TwoStepState,
  device: { kind: DeviceKind; name: string; keepsTokenItself: boolean },
): Promise<TwoStepRequired> {
  const challenge = randomToken(deps.random, 32);
  const now = deps.clock.now();
  const passkeys = state.passkeys > 0 ? await deps.stores.passkeys.listByAccount(account.id) : [];
  const passkeyOptions = passkeys.length > 0 ? await authenticationOptions(deps, passkeys) : null;
  const details: TwoStepDetails = { deviceKind: device.kind, deviceName: device.name, keepsTokenItself: device.keepsTokenItself };
  const flow: AuthFlowRecord = {
    id: deps.random.uuid(),
    kind: "two_step",
    accountId: account.id,
    handleHash: sha256Hex(challenge),
    webauthnChallenge: passkeyOptions?.challenge ?? null,
    status: "pending",
    attempts: 0,
    details: { ...details },
    expiresAt: new Date(now.getTime() + deps.config.twoStep.ttlMs),
    createdAt: now,
  };
  await deps.stores.authFlows.create(flow);
  return {
    twoStepRequired: true,
    challenge,
    expiresAt: flow.expiresAt,
    methods: twoStepMethods(state),
    passkeyOptions: passkeyOptions ? { ...passkeyOptions } : null,
  };
}

export interface TwoStepCompleted {
  signedIn: SignedIn;
  keepsTokenItself: boolean;
}

interface OpenChallenge {
  flow: AuthFlowRecord;
  account: AccountRecord;
  /** This guess, counted against the account's budget: given back if it proves right. */
  attempt: Pass;
}

type ChallengeFailure = "TWO_STEP_CHALLENGE_INVALID" | "TWO_STEP_CHALLENGE_EXPIRED" | "TWO_STEP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED";

/** The pending flow behind a challenge, with one attempt counted against it and the account. */
async function openChallenge(deps: CoreDeps, challenge: string): Promise<Result<OpenChallenge, ChallengeFailure>> {
  const flow = await deps.stores.authFlows.findByHandle("two_step", sha256Hex(challenge));
  // Unknown, or already completed (a challenge belongs to one attempt, and completes once).
  if (!flow?.accountId || flow.status !== "pending") return fail("TWO_STEP_CHALLENGE_INVALID");
  if (flow.expiresAt.getTime() <= deps.clock.now().getTime()) return fail("TWO_STEP_CHALLENGE_EXPIRED");
  const limited = await throttle(deps.limiter, [[`two-step-code:account:${flow.accountId}`, deps.config.limits.twoStepCodePerAccount]]);
  if (!limited.ok) return limited;
  // Counted before checking, in the database, so racing guesses all count.
  if ((await deps.stores.authFlows.recordAttempt(flow.id)) > deps.config.twoStep.maxAttempts) return fail("TWO_STEP_ATTEMPTS_EXCEEDED");
  const account = await deps.stores.accounts.findById(flow.accountId);
  if (!account) return fail("TWO_STEP_CHALLENGE_INVALID");
  return ok({ flow, account, attempt: limited });
}

async function redeem(
  deps: CoreDeps,
  { flow, account, attempt }: OpenChallenge,
  /** How the second step was proven: with a passkey, which one. */
  how: { method: "totp" | "backup_code" } | { method: "passkey"; passkeyName: string },
  deviceCookie: string | undefined,
  context: RequestContext,
): Promise<Result<TwoStepCompleted, "TWO_STEP_CHALLENGE_INVALID">> {
  const details = flow.details as unknown as TwoStepDetails;
  // A right code costs nothing; the wrong ones before it stay counted.
  await attempt.succeeded();
  return inUnitOfWork(deps, async (stores) => {
    if (!(await stores.authFlows.redeem(flow.id, deps.clock.now()))) return fail("TWO_STEP_CHALLENGE_INVALID");
    const signedIn = await finishSignIn(deps, stores, account, {
      device: { kind: details.deviceKind, name: details.deviceName },
      deviceCookie,
      ...how,
      context,
    });
    return ok({ signedIn, keepsTokenItself: details.keepsTokenItself });
  });
}

async function refused<C extends "TWO_STEP_CODE_INVALID" | "TWO_STEP_CODE_USED" | "PASSKEY_UNKNOWN" | "PASSKEY_INVALID">(
  deps: CoreDeps,
  account: AccountRecord,
  code: C,
  context: RequestContext,
) {
  await deps.stores.audit.record(auditEvent("two_step_failed", { accountId: account.id }, context, deps.clock.now(), { reason: code }));
  return fail(code);
}

type TwoStepCodeInput = { challenge: string; code: string; deviceCookie?: string | undefined };
type TwoStepCodeAnswer = Result<TwoStepCompleted, ChallengeFailure | "TWO_STEP_CODE_INVALID" | "TWO_STEP_CODE_USED">;

export function completeTwoStepWithCode(deps: CoreDeps, input: TwoStepCodeInput, context: RequestContext): Promise<TwoStepCodeAnswer> {
  return countedSignIn(deps, "two_step", checkTwoStepCode(deps, input, context));
}

async function checkTwoStepCode(deps: CoreDeps, input: TwoStepCodeInput, context: RequestContext): Promise<TwoStepCodeAnswer> {
  const opened = await openChallenge(deps, input.challenge);
  if (!opened.ok) return opened;
  const { account } = opened.value;
  const code = input.code.trim();

  if (looksLikeBackupCode(code)) {
    const spent = await spendBackupCode(deps, account.id, code);
    if (spent === "invalid") return refused(deps, account, "TWO_STEP_CODE_INVALID", context);
    if (spent === "used") return refused(deps, account, "TWO_STEP_CODE_USED", context);
    await deps.stores.audit.record(auditEvent("backup_code_used", { accountId: account.id }, context, deps.clock.now()));
    return redeem(deps, opened.value, { method: "backup_code" }, input.deviceCookie, context);
  }

  const totp = await deps.stores.totp.find(account.id);
  const secret = totp?.enabledAt ? openTotpSecret(deps, account.id, totp.secretEncrypted) : null;
  const step = secret ? matchTotp(secret, code, deps.clock.now()) : null;
  if (step === null) return refused(deps, account, "TWO_STEP_CODE_INVALID", context);
  // A code (time step) is accepted once: this or an earlier step used before is a replay.
  if (!(await deps.stores.totp.consumeStep(account.id, step))) return refused(deps, account, "TWO_STEP_CODE_USED", context);
  return redeem(deps, opened.value, { method: "totp" }, input.deviceCookie, context);
}

type TwoStepPasskeyInput = { challenge: string; passkey: AuthenticationResponseJSON; deviceCookie?: string | undefined };
type TwoStepPasskeyAnswer = Result<TwoStepCompleted, ChallengeFailure | "PASSKEY_UNKNOWN" | "PASSKEY_INVALID">;

export function completeTwoStepWithPasskey(
  deps: CoreDeps,
  input: TwoStepPasskeyInput,
  context: RequestContext,
): Promise<TwoStepPasskeyAnswer> {
  return countedSignIn(deps, "two_step", checkTwoStepPasskey(deps, input, context));
}

async function checkTwoStepPasskey(deps: CoreDeps, input: TwoStepPasskeyInput, context: RequestContext): Promise<TwoStepPasskeyAnswer> {
  const opened = await openChallenge(deps, input.challenge);
  if (!opened.ok) return opened;
  const { flow, account } = opened.value;
  const passkey = await deps.stores.passkeys.findById(input.passkey.id);
  // A passkey of another account can't complete this account's sign-in.
  if (!passkey || passkey.accountId !== account.id) return refused(deps, account, "PASSKEY_UNKNOWN", context);
  if (!flow.webauthnChallenge) return refused(deps, account, "PASSKEY_INVALID", context);
  // Signed over this attempt's challenge only: an assertion made for another attempt fails here.
  const counter = await verifyAssertion(deps, input.passkey, passkey, flow.webauthnChallenge);
  if (counter === null) return refused(deps, account, "PASSKEY_INVALID", context);
  await deps.stores.passkeys.recordUse(passkey.id, counter, deps.clock.now());
  return redeem(deps, opened.value, { method: "passkey", passkeyName: passkey.name }, input.deviceCookie, context);
}
