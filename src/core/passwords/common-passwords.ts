// The offline common-password check: is a new password on the list of ~18k passwords that
// people pick most often? The list ships beside this module (see common-passwords.README.md).
import { readFileSync } from "node:fs";

let commonPasswords: Set<string> | undefined;

// Loaded on first use, not at import, so modules that never check a password pay nothing.
function loadList(): Set<string> {
  if (commonPasswords === undefined) {
    const text = readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8");
    commonPasswords = new Set(text.split("\n").filter((line) => line !== ""));
  }
  return commonPasswords;
}

/** True when the password, in NFKC form and lower case, is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  return loadList().has(password.normalize("NFKC").toLowerCase());
}

/** How many passwords the list holds. */
export function commonPasswordCount(): number {
  return loadList().size;
}
