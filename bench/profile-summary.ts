// Summarises the newest CPU profile from `BENCH_CPU_PROF=1 npm run bench`: where the server's
// samples went, by package (or src/ file) and by function, self time only.
// Usage: tsx bench/profile-summary.ts [file.cpuprofile]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), "results", "profile");
const file =
  process.argv[2] ??
  readdirSync(dir)
    // The main thread's profile (thread 0); tsx's loader thread writes a second one.
    .filter((name) => /\.0\.\d+\.cpuprofile$/.test(name))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!file) throw new Error(`no .cpuprofile in ${dir}`);

const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

function category(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "node: internals";
  const src = /\/(src\/.*)$/.exec(url);
  return src ? src[1]! : url;
}

const byCategory = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  total += us;
  if (functionName === "(idle)") idle += us;
  const cat = category(url, functionName);
  byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
  const fn = `${functionName || "(anonymous)"} ${cat}${url ? `:${lineNumber + 1}` : ""}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}

const busy = total - idle;
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .filter(([key]) => key !== "(idle)" && !key.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${key}`)
    .join("\n");

console.log(`${file}\n${(total / 1e6).toFixed(1)} s profiled, ${((idle / total) * 100).toFixed(0)}% idle; shares of the busy time:\n`);
console.log(`By package / file:\n${top(byCategory, 20)}\n`);
console.log(`By function (self):\n${top(byFunction, 30)}`);
