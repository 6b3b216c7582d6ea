// Backup codes: ten single-use codes, shown once when made, kept only as keyed digests.
// A new set replaces the old one entirely.
import { hmacSha256Hex } from "../crypto/hashing";
import type { CoreDeps } from "../deps";
import type { Stores } from "../ports";
import type { BackupCodeRecord } from "./ports";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** "abcde-fghjk": what the user types, dashes and spaces optional, any case. */
export function normalizeBackupCode(code: string): string | null {
  const clean = code.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z0-9]{10}$/.test(clean) ? clean : null;
}

export function looksLikeBackupCode(code: string): boolean {
  return normalizeBackupCode(code) !== null && !/^\d+$/.test(code.trim());
}

function backupCodeDigest(key: Buffer, accountId: string, normalized: string): string {
  return hmacSha256Hex(key, `${accountId}:${normalized}`);
}

function newCode(deps: Pick<CoreDeps, "random">): string {
  // 256 is not a multiple of 31: drop the biased top bytes.
  let out = "";
  while (out.length < 10) {
    for (const byte of deps.random.bytes(16)) {
      if (byte < 248 && out.length < 10) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Makes a new set (replacing the old) inside the caller's transaction; answers the codes to show once. */
export async function replaceBackupCodes(
  deps: Pick<CoreDeps, "random" | "clock" | "keys">,
  stores: Stores,
  accountId: string,
): Promise<string[]> {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => newCode(deps));
  const createdAt = deps.clock.now();
  const records: BackupCodeRecord[] = codes.map((code) => ({
    id: deps.random.uuid(),
    accountId,
    codeHash: backupCodeDigest(deps.keys.backupCodes, accountId, normalizeBackupCode(code)!),
    usedAt: null,
    createdAt,
  }));
  await stores.backupCodes.replaceAll(accountId, records);
  return codes;
}

/** Spends one backup code: "used" when it was spent before, "invalid" when it was never one. */
export async function spendBackupCode(
  deps: Pick<CoreDeps, "stores" | "clock" | "keys">,
  accountId: string,
  code: string,
): Promise<"ok" | "used" | "invalid"> {
  const normalized = normalizeBackupCode(code);
  if (!normalized) return "invalid";
  const digest = backupCodeDigest(deps.keys.backupCodes, accountId, normalized);
  if (await deps.stores.backupCodes.consume(accountId, digest, deps.clock.now())) return "ok";
  return (await deps.stores.backupCodes.isSpent(accountId, digest)) ? "used" : "invalid";
}
