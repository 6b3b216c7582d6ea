// Reports the web app's initial JavaScript (the entry chunk and every chunk it imports
// statically, gzipped) and fails the build when it passes the 150 KB budget. Lazily loaded
// pages are listed but don't count: a first visit doesn't download them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 150;
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
const lazyKb = Object.keys(manifest)
  .filter((key) => !initial.has(key) && manifest[key]!.file.endsWith(".js"))
  .reduce((sum, key) => sum + gzipKb(manifest[key]!.file), 0);
console.log(
  `Initial JavaScript: ${initialKb.toFixed(1)} KB gzipped in ${initial.size} chunk(s) (budget ${BUDGET_KB} KB); ` +
    `lazily loaded pages: ${lazyKb.toFixed(1)} KB more.`,
);
if (initialKb > BUDGET_KB) {
  console.error(`The initial JavaScript is over budget by ${(initialKb - BUDGET_KB).toFixed(1)} KB.`);
  process.exit(1);
}
