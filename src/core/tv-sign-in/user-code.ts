// The short code a TV shows and a viewer types on a phone: 8 letters from an alphabet without
// look-alikes (no 0/O, 1/I/L confusion) and without vowels, so no words are spelled by chance.
import { USER_CODE_ALPHABET, USER_CODE_LENGTH } from "../../contract/schemas/tv-sign-in";
import type { Random } from "../crypto/ports";

// Bytes at or above this are drawn again, so that every letter is equally likely.
const UNBIASED_BELOW = 256 - (256 % USER_CODE_ALPHABET.length);

/** 20^8 ≈ 2.6·10^10 codes: unguessable within a 15-minute life under per-account and per-IP throttling. */
export function newUserCode(random: Random): string {
  let code = "";
  while (code.length < USER_CODE_LENGTH) {
    for (const byte of random.bytes(USER_CODE_LENGTH)) {
      if (byte < UNBIASED_BELOW && code.length < USER_CODE_LENGTH) code += USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What was typed ("abcd-efgh", "ABCD EFGH") as stored ("ABCDEFGH"), or null if it can't be a code. */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== USER_CODE_LENGTH) return null;
  for (const char of code) if (!USER_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** How people see it: ABCD-EFGH. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
