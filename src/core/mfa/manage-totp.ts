// The authenticator app: set it up (secret + otpauth URI), turn it on with a first correct
// code, turn it off. Each step needs a recent re-authentication.

import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import type { CoreDeps, RequestContext } from "../deps";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { requireRecentAuth } from "../sessions/recent-proof";
import { applyFactorChange, type FactorChanged } from "./factor-change";
import { accountLabel } from "./issuer";
import { base32Decode, base32Encode, matchTotp, otpauthUri } from "./totp";

/** Associated data for the AES-GCM seal of an account's secret: it opens for that account only. */
export const totpPurpose = (accountId: string) => `totp:${accountId}`;

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

export async function startTotpSetup(
  deps: CoreDeps,
  session: SessionRecord,
): Promise<Result<TotpSetup, "REAUTH_REQUIRED" | "TOTP_ALREADY_ENABLED" | "UNAUTHENTICATED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const account = await deps.stores.accounts.findById(session.accountId);
  if (!account) return fail("UNAUTHENTICATED");
  // 160 bits, the size RFC 4226 recommends for HMAC-SHA-1.
  const secret = base32Encode(deps.random.bytes(20));
  const saved = await deps.stores.totp.savePending({
    accountId: account.id,
    secretEncrypted: encryptSecret(deps.keys.totpSecrets, secret, totpPurpose(account.id)),
    enabledAt: null,
    lastUsedStep: null,
    createdAt: deps.clock.now(),
  });
  if (!saved) return fail("TOTP_ALREADY_ENABLED");
  return ok({ secret, otpauthUri: otpauthUri(secret, "Usher", accountLabel(account.email)) });
}

/** The account's authenticator secret, decrypted; null when there is none (or it won't open). */
export function openTotpSecret(deps: Pick<CoreDeps, "keys">, accountId: string, sealed: string): Buffer | null {
  const secret = decryptSecret(deps.keys.totpSecrets, sealed, totpPurpose(accountId));
  return secret ? base32Decode(secret) : null;
}

export async function enableTotp(
  deps: CoreDeps,
  session: SessionRecord,
  input: { code: string; signOutOtherDevices: boolean },
  context: RequestContext,
): Promise<
  Result<FactorChanged, "REAUTH_REQUIRED" | "TOTP_ALREADY_ENABLED" | "TOTP_SETUP_NOT_STARTED" | "TWO_STEP_CODE_INVALID" | "RATE_LIMITED">
> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const pending = await deps.stores.totp.find(session.accountId);
  if (!pending) return fail("TOTP_SETUP_NOT_STARTED");
  if (pending.enabledAt) return fail("TOTP_ALREADY_ENABLED");
  const limited = await throttle(deps.limiter, [[`two-step-code:account:${session.accountId}`, deps.config.limits.twoStepCodePerAccount]]);
  if (!limited.ok) return limited;
  const secret = openTotpSecret(deps, session.accountId, pending.secretEncrypted);
  const step = secret ? matchTotp(secret, input.code, deps.clock.now()) : null;
  if (step === null) return fail("TWO_STEP_CODE_INVALID");
  await limited.succeeded();

  const changed = await applyFactorChange(deps, session, context, {
    type: "two_step_enabled",
    signOutOtherDevices: input.signOutOtherDevices,
    details: { method: "totp" },
    aal: 2,
    // Only a set-up still pending turns on (a racing second request finds it enabled).
    write: (stores) => stores.totp.enable(session.accountId, deps.clock.now(), step),
  });
  return changed ? ok(changed) : fail("TOTP_ALREADY_ENABLED");
}

export async function disableTotp(
  deps: CoreDeps,
  session: SessionRecord,
  input: { signOutOtherDevices: boolean },
  context: RequestContext,
): Promise<Result<FactorChanged, "REAUTH_REQUIRED" | "TOTP_NOT_ENABLED">> {
  const stale = requireRecentAuth(deps, session);
  if (stale) return stale;
  const current = await deps.stores.totp.find(session.accountId);
  if (!current?.enabledAt) return fail("TOTP_NOT_ENABLED");
  const changed = await applyFactorChange(deps, session, context, {
    type: "two_step_disabled",
    signOutOtherDevices: input.signOutOtherDevices,
    details: { method: "totp" },
    aal: 1,
    write: (stores) => stores.totp.delete(session.accountId),
  });
  return changed ? ok(changed) : fail("TOTP_NOT_ENABLED");
}
