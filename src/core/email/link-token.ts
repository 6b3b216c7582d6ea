// Single-use links (verify an email, reset a password). The token is "<account id>.<secret>":
// the id finds the account's one active link of that purpose, and only a keyed digest of the
// 256-bit secret is stored, compared in constant time. Redeeming is the caller's conditional
// update (codes.consume), so a link works exactly once even when clicked twice at once.

import type { CodePurpose, OneTimeCodeRecord } from "../code-flows/ports";
import { digestsEqual, hmacSha256Hex } from "../crypto/hashing";
import type { CoreDeps } from "../deps";
import type { Stores } from "../ports";
import { fail, ok, type Result } from "../result";

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export const linkDigest = (key: Buffer, secret: string): string => hmacSha256Hex(key, `link:${secret}`);

/** Writes a new link (retiring the previous one of the purpose) in the caller's transaction; answers the token to email. */
export async function writeLink(
  deps: Pick<CoreDeps, "clock" | "random" | "keys">,
  stores: Stores,
  link: { accountId: string; purpose: CodePurpose; target: string; ttlMs: number },
): Promise<{ token: string; record: OneTimeCodeRecord }> {
  const secret = deps.random.bytes(32).toString("base64url");
  const now = deps.clock.now();
  const record: OneTimeCodeRecord = {
    id: deps.random.uuid(),
    accountId: link.accountId,
    purpose: link.purpose,
    target: link.target,
    codeHash: linkDigest(deps.keys.oneTimeCodes, secret),
    expiresAt: new Date(now.getTime() + link.ttlMs),
    attempts: 0,
    usedAt: null,
    createdAt: now,
  };
  await stores.codes.replace(record);
  return { token: `${link.accountId}.${secret}`, record };
}

/**
 * The active link a token stands for, not yet consumed. LINK_INVALID when the token is not
 * a link token at all (mangled while copying); LINK_EXPIRED for every well-formed one that
 * doesn't work: used, replaced by a newer link (its secret no longer matches), or past its
 * expiry. Either way the remedy is the same: ask for a new link.
 */
export async function findLink(
  deps: Pick<CoreDeps, "clock" | "keys" | "stores">,
  token: string,
  purpose: CodePurpose,
): Promise<Result<OneTimeCodeRecord, "LINK_INVALID" | "LINK_EXPIRED">> {
  const parsed = TOKEN.exec(token.trim());
  if (!parsed) return fail("LINK_INVALID");
  const [, accountId, secret] = parsed as unknown as [string, string, string];
  const active = await deps.stores.codes.findActive(accountId, purpose);
  if (!active) return fail("LINK_EXPIRED");
  if (!digestsEqual(linkDigest(deps.keys.oneTimeCodes, secret), active.codeHash)) return fail("LINK_EXPIRED");
  if (active.expiresAt.getTime() <= deps.clock.now().getTime()) return fail("LINK_EXPIRED");
  return ok(active);
}
