// Cryptographic randomness for tokens, ids and codes.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Random } from "./ports";

export const cryptoRandom: Random = {
  bytes: (n) => randomBytes(n),
  uuid: () => randomUUID(),
  digits: (n) => Array.from({ length: n }, () => randomInt(10)).join(""),
};

/** `bytes` random bytes, base64url: URL- and header-safe. */
export function randomToken(random: Random, bytes: number): string {
  return random.bytes(bytes).toString("base64url");
}
