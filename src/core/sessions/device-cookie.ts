// Device credentials (OWASP's answer to lockout abuse): after a successful sign-in a browser
// keeps a signed cookie, and an app a device token of the same form, naming the account it
// proved itself for. Sign-ins that present it are throttled on their own budget, so someone
// guessing an account's password from elsewhere can slow down strangers but never lock the
// owner's own browser or app out.

import type { CodeRequester } from "../code-flows/ports";
import { digestsEqual, hmacSha256Hex, sha256Hex } from "../crypto/hashing";
import type { Random } from "../crypto/ports";
import { randomToken } from "../crypto/random";

const SHAPE = /^([A-Za-z0-9_-]{22})\.([0-9a-f]{64})$/;

const macOf = (key: Buffer, deviceId: string, accountId: string): string => hmacSha256Hex(key, `${deviceId}:${accountId}`);

export function issueDeviceCookie(key: Buffer, random: Random, accountId: string): string {
  const deviceId = randomToken(random, 16);
  return `${deviceId}.${macOf(key, deviceId, accountId)}`;
}

/** The device id when the cookie was issued by us for this account, else null. */
export function knownDeviceId(key: Buffer, cookie: string | undefined, accountId: string): string | null {
  const match = cookie ? SHAPE.exec(cookie) : null;
  if (!match) return null;
  const [, deviceId, mac] = match;
  return digestsEqual(macOf(key, deviceId!, accountId), mac!) ? deviceId! : null;
}

/**
 * What may be kept of a credential while the account it must match is not yet known (a code
 * asked for by address): its id and a digest of its MAC, which can be checked later but never
 * presented as the credential.
 */
export function deviceCredentialDigest(cookie: string | undefined): CodeRequester["device"] {
  const match = cookie ? SHAPE.exec(cookie) : null;
  return match ? { id: match[1]!, macDigest: sha256Hex(match[2]!) } : null;
}

/** The device id when a kept digest is of a credential issued for this account, else null. */
export function knownDeviceFromDigest(key: Buffer, device: CodeRequester["device"], accountId: string): string | null {
  if (!device) return null;
  return digestsEqual(sha256Hex(macOf(key, device.id, accountId)), device.macDigest) ? device.id : null;
}
