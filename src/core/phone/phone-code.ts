// The 6-digit code that proves a phone number is yours: texted through the outbox, valid
// for 10 minutes and 5 attempts, stored only as a keyed digest.

import type { OneTimeCodeRecord } from "../code-flows/ports";
import { hmacSha256Hex } from "../crypto/hashing";
import type { CoreDeps } from "../deps";
import type { Stores } from "../ports";

export const PHONE_CODE_TEMPLATE = "phone_verification";

/** Writes a new code (retiring the previous one) and its text message, in the caller's transaction. */
export async function sendPhoneCode(
  deps: Pick<CoreDeps, "clock" | "random" | "config" | "keys">,
  stores: Stores,
  accountId: string,
  e164: string,
): Promise<OneTimeCodeRecord> {
  const now = deps.clock.now();
  const code = deps.random.digits(6);
  const record: OneTimeCodeRecord = {
    id: deps.random.uuid(),
    accountId,
    purpose: "phone_verification",
    target: e164,
    codeHash: phoneCodeDigest(deps.keys.oneTimeCodes, code),
    expiresAt: new Date(now.getTime() + deps.config.phoneCodes.ttlMs),
    attempts: 0,
    usedAt: null,
    createdAt: now,
  };
  await stores.codes.replace(record);
  await stores.outbox.enqueue({
    channel: "sms",
    recipient: e164,
    accountId,
    template: PHONE_CODE_TEMPLATE,
    payload: { code },
    createdAt: now,
  });
  return record;
}

export function phoneCodeDigest(key: Buffer, code: string): string {
  return hmacSha256Hex(key, code);
}
