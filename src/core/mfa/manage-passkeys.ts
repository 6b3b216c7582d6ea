// Passkeys on the account page: add several (named), list, rename, remove. Adding and
// removing change the second factors, so they need a recent re-authentication.
import type { PublicPasskey } from "../../contract/schemas/two-step";
import { auditEvent } from "../audit/events";
import { sha256Hex } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { requireRecentAuth } from "../sessions/recent-proof";
import { applyFactorChange, type FactorChanged } from "./factor-change";
import type { PasskeyRecord } from "./ports";
import { type RegistrationResponseJSON, registrationOptions, signedChallenge, storeCeremony, verifyRegistration } from "./webauthn";

export function toPublicPasskey(passkey: PasskeyRecord): PublicPasskey {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  };
}

export async function startPasskeyRegistration(
  deps: CoreDeps,
  session: SessionRecord,
): Promise<Result<Record<string, unknown>, "REAUTH_REQUIRED" | "UNAUTHENTICATED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  const options = await registrationOptions(deps, account, await deps.stores.passkeys.listByAccount(account.id));
  await storeCeremony(deps, deps.stores, "passkey_registration", account.id, options.challenge);
  return ok({ ...options });
}

export interface PasskeyAdded extends FactorChanged {
  passkey: PasskeyRecord;
}

export async function registerPasskey(
  deps: CoreDeps,
  session: SessionRecord,
  input: { name: string; passkey: RegistrationResponseJSON; signOutOtherDevices: boolean },
  context: RequestContext,
): Promise<Result<PasskeyAdded, "REAUTH_REQUIRED" | "PASSKEY_INVALID" | "PASSKEY_CHALLENGE_EXPIRED" | "PASSKEY_ALREADY_REGISTERED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const challenge = signedChallenge(input.passkey.response.clientDataJSON);
  const flow = challenge ? await deps.stores.authFlows.findByHandle("passkey_registration", sha256Hex(challenge)) : null;
  // Options made for another account (or never made by us) don't count.
  if (!flow || flow.accountId !== session.accountId || flow.status !== "pending" || !flow.webauthnChallenge) return fail("PASSKEY_INVALID");
  if (flow.expiresAt.getTime() <= deps.clock.now().getTime()) return fail("PASSKEY_CHALLENGE_EXPIRED");
  const verified = await verifyRegistration(deps, input.passkey, flow.webauthnChallenge);
  if (!verified) return fail("PASSKEY_INVALID");

  const passkey: PasskeyRecord = {
    ...verified,
    accountId: session.accountId,
    name: input.name,
    createdAt: deps.clock.now(),
    lastUsedAt: null,
  };
  let outcome: "PASSKEY_INVALID" | "PASSKEY_ALREADY_REGISTERED" | null = null;
  const changed = await applyFactorChange(deps, session, context, {
    type: "passkey_added",
    signOutOtherDevices: input.signOutOtherDevices,
    details: { passkeyId: passkey.id, name: passkey.name, passkeyName: passkey.name },
    aal: session.aal,
    write: async (stores) => {
      if (!(await stores.authFlows.redeem(flow.id, deps.clock.now()))) {
        outcome = "PASSKEY_INVALID";
        return false;
      }
      if (!(await stores.passkeys.create(passkey))) {
        outcome = "PASSKEY_ALREADY_REGISTERED";
        return false;
      }
      return true;
    },
  });
  return changed ? ok({ ...changed, passkey }) : fail(outcome ?? "PASSKEY_INVALID");
}

/** One of this account's passkeys; another account's is as missing as an unknown one. */
async function ownPasskey(deps: CoreDeps, session: SessionRecord, passkeyId: string): Promise<PasskeyRecord | null> {
  const passkey = await deps.stores.passkeys.findById(passkeyId);
  return passkey?.accountId === session.accountId ? passkey : null;
}

export async function renamePasskey(
  deps: CoreDeps,
  session: SessionRecord,
  passkeyId: string,
  name: string,
  context: RequestContext,
): Promise<Result<PasskeyRecord, "PASSKEY_NOT_FOUND">> {
  const before = await ownPasskey(deps, session, passkeyId);
  const renamed = before && (await deps.stores.passkeys.rename(session.accountId, passkeyId, name));
  if (!renamed) return fail("PASSKEY_NOT_FOUND");
  await deps.stores.audit.record(
    auditEvent("passkey_renamed", { accountId: session.accountId, sessionId: session.id }, context, deps.clock.now(), {
      passkeyId,
      from: before.name,
      to: renamed.name,
    }),
  );
  return ok(renamed);
}

export async function removePasskey(
  deps: CoreDeps,
  session: SessionRecord,
  passkeyId: string,
  input: { signOutOtherDevices: boolean },
  context: RequestContext,
): Promise<Result<FactorChanged, "REAUTH_REQUIRED" | "PASSKEY_NOT_FOUND">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const passkey = await ownPasskey(deps, session, passkeyId);
  if (!passkey) return fail("PASSKEY_NOT_FOUND");
  const changed = await applyFactorChange(deps, session, context, {
    type: "passkey_removed",
    signOutOtherDevices: input.signOutOtherDevices,
    details: { passkeyId, passkeyName: passkey.name },
    aal: session.aal,
    write: async (stores) => {
      if (!(await stores.passkeys.delete(session.accountId, passkeyId))) return false;
      // With none left there is no passkey to ask for: adding one later does not ask again by itself.
      if ((await stores.passkeys.listByAccount(session.accountId)).length === 0)
        await stores.passkeys.setSecondStep(session.accountId, null);
      return true;
    },
  });
  return changed ? ok(changed) : fail("PASSKEY_NOT_FOUND");
}

/**
 * Asks for a passkey after the password from now on (two-step verification on), or stops asking.
 * A choice of its own: adding a passkey only adds a way to sign in.
 */
export async function setPasskeyStep(
  deps: CoreDeps,
  session: SessionRecord,
  input: { on: boolean; signOutOtherDevices: boolean },
  context: RequestContext,
): Promise<Result<FactorChanged, "REAUTH_REQUIRED" | "NO_PASSKEYS" | "PASSKEY_STEP_UNCHANGED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  if (input.on && (await deps.stores.passkeys.listByAccount(session.accountId)).length === 0) return fail("NO_PASSKEYS");
  const changed = await applyFactorChange(deps, session, context, {
    type: input.on ? "two_step_enabled" : "two_step_disabled",
    signOutOtherDevices: input.signOutOtherDevices,
    details: { method: "passkey" },
    aal: session.aal,
    write: (stores) => stores.passkeys.setSecondStep(session.accountId, input.on ? deps.clock.now() : null),
  });
  return changed ? ok(changed) : fail("PASSKEY_STEP_UNCHANGED");
}
