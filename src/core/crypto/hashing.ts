// Digests for secrets we must recognise but never keep: tokens and one-time codes.
import { createHmac, hash, hkdfSync, timingSafeEqual } from "node:crypto";

export function sha256Hex(value: string): string {
  // The one-shot form: a session token's secret is hashed on every request.
  return hash("sha256", value, "hex");
}

/** Short codes (6 digits) need a keyed hash: a plain one is reversed by trying them all. */
export function hmacSha256Hex(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value).digest("hex");
}

/** Compares two hex digests in time that doesn't depend on where they differ. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** A key for one purpose, derived from the server's master secret, so purposes never share keys. */
export function deriveKey(masterSecret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret, Buffer.alloc(0), `usher:${purpose}`, 32));
}
