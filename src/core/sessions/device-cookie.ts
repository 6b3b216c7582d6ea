// Device cookies (OWASP's answer to lockout abuse): after a successful sign-in a browser
// keeps a signed cookie naming the account it proved itself for. Sign-ins that present it
// are throttled on their own budget, so someone guessing an account's password from
// elsewhere can slow down strangers but never lock the owner's own browser out.
import { digestsEqual, hmacSha256Hex } from "../crypto/hashing";
import { randomToken } from "../crypto/random";
import type { Random } from "../ports";

const SHAPE = /^([A-Za-z0-9_-]{22})\.([0-9a-f]{64})$/;

export function issueDeviceCookie(key: Buffer, random: Random, accountId: string): string {
  const deviceId = randomToken(random, 16);
  return `${deviceId}.${hmacSha256Hex(key, `${deviceId}:${accountId}`)}`;
}

/** The device id when the cookie was issued by us for this account, else null. */
export function knownDeviceId(key: Buffer, cookie: string | undefined, accountId: string): string | null {
  const match = cookie ? SHAPE.exec(cookie) : null;
  if (!match) return null;
  const [, deviceId, mac] = match;
  return digestsEqual(hmacSha256Hex(key, `${deviceId}:${accountId}`), mac!) ? deviceId! : null;
}
