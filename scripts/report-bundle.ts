// Reports the web app's initial JavaScript (the entry chunk and every chunk it imports
// statically, gzipped) and fails the build when it passes the 150 KB budget. A first visit also
// downloads the words of the language it shows (one catalogue chunk), which have a budget of
// their own per language. Lazily loaded pages are listed but don't count: a first visit doesn't
// download them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 150;
const WORDS_BUDGET_KB = 28;
const dist = join(import.meta.dirname, "../dist/web");
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8")) as Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[] }
>;

const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1024;

const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
if (!entryKey) throw new Error("no entry chunk in the Vite manifest");
const initial = new Set<string>();
const visit = (key: string) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const next of manifest[key]!.imports ?? []) visit(next);
};
visit(entryKey);

const initialKb = [...initial].reduce((sum, key) => sum + gzipKb(manifest[key]!.file), 0);
const catalogues = Object.keys(manifest).filter((key) => /lib\/catalogues\/[a-z]{2}\.ts$/.test(key));
const wordsKb = Object.fromEntries(catalogues.map((key) => [key.match(/([a-z]{2})\.ts$/)![1]!, gzipKb(manifest[key]!.file)]));
const lazyKb = Object.keys(manifest)
  .filter((key) => !initial.has(key) && !catalogues.includes(key) && manifest[key]!.file.endsWith(".js"))
  .reduce((sum, key) => sum + gzipKb(manifest[key]!.file), 0);
console.log(
  `Initial JavaScript: ${initialKb.toFixed(1)} KB gzipped in ${initial.size} chunk(s) (budget ${BUDGET_KB} KB); ` +
    `lazily loaded pages: ${lazyKb.toFixed(1)} KB more.`,
);
console.log(
  `Words of the shown language (gzipped, budget ${WORDS_BUDGET_KB} KB each): ${Object.entries(wordsKb)
    .map(([language, kb]) => `${language} ${kb.toFixed(1)} KB`)
    .join(", ")}.`,
);
const overBudget = Object.entries(wordsKb).filter(([, kb]) => kb > WORDS_BUDGET_KB);
if (catalogues.length === 0 || overBudget.length > 0) {
  console.error(`The words are over budget or missing: ${JSON.stringify(overBudget)}`);
  process.exit(1);
}
if (initialKb > BUDGET_KB) {
  console.error(`The initial JavaScript is over budget by ${(initialKb - BUDGET_KB).toFixed(1)} KB.`);
  process.exit(1);
}
