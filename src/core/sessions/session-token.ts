// Session tokens are "<session id>.<secret>": the id finds the row, the secret proves
// possession. Only the SHA-256 of the secret is stored, so a database leak yields no
// usable token.
import { digestsEqual, sha256Hex } from "../crypto/hashing";
import type { Random } from "../crypto/ports";
import { randomToken } from "../crypto/random";

const ID_BYTES = 16;
const SECRET_BYTES = 32;
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface NewSessionToken {
  id: string;
  token: string;
  tokenHash: string;
}

export function newSessionToken(random: Random): NewSessionToken {
  const id = randomToken(random, ID_BYTES);
  const secret = randomToken(random, SECRET_BYTES);
  return { id, token: `${id}.${secret}`, tokenHash: sha256Hex(secret) };
}

/** Splits a presented token, or answers null when it isn't shaped like one of ours. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, tokenHash: string): boolean {
  return digestsEqual(sha256Hex(secret), tokenHash);
}
