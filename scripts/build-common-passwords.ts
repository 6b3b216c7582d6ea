// Builds src/core/passwords/common-passwords.txt, the offline list of common passwords that
// new passwords are checked against. Run: npx tsx scripts/build-common-passwords.ts
// Source: @zxcvbn-ts/language-common (MIT); see common-passwords.README.md beside the list.
import { writeFileSync } from "node:fs";
import { dictionary } from "@zxcvbn-ts/language-common";

// Same bounds as the password policy: anything shorter is refused by length already, and
// anything longer can never be chosen, so neither needs a place in the list.
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

const source = dictionary["passwords-common"];
const kept = new Set<string>();
for (const entry of source) {
  // The same normal form isCommonPassword compares against.
  const normal = entry.normalize("NFKC").toLowerCase();
  const length = [...normal].length;
  // A line break inside an entry would split it in the one-per-line file.
  if (length >= MIN_LENGTH && length <= MAX_LENGTH && !/[\r\n]/.test(normal)) {
    kept.add(normal);
  }
}

if (kept.size < 10_000) {
  throw new Error(`Only ${kept.size} common passwords survived the filter; expected at least 10,000.`);
}

// Source order (most common first) is kept, which makes diffs of a refreshed list readable.
const target = new URL("../src/core/passwords/common-passwords.txt", import.meta.url);
writeFileSync(target, `${[...kept].join("\n")}\n`, "utf8");
console.log(`Wrote ${kept.size} of ${source.length} entries to ${target.pathname}`);
