// Summarises the newest CPU profile from `BENCH_CPU_PROF=1 npm run bench`: where the server's
// samples went, by package (or src/ file) and by function, self time only.
// Usage: tsx bench/profile-summary.ts [file.cpuprofile]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
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
    // The main thread's profile (thread 0); a process with other threads writes one for each.
    .filter((name) => /\.0\.\d+\.cpuprofile$/.test(name))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!file) throw new Error(`no .cpuprofile in ${dir}`);

const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

// The server runs from its bundle (dist/server): its frames are mapped back to src/ through the bundle's source maps.
const sourceMaps = new Map<string, SourceMap | undefined>();
function original(frame: ProfileNode["callFrame"]): { url: string; lineNumber: number } {
  if (!frame.url.includes("/dist/server/")) return frame;
  const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : undefined);
  }
  const entry = sourceMaps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && "originalSource" in entry ? { url: entry.originalSource, lineNumber: entry.originalLine } : frame;
}

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
  const frame = byId.get(id)!.callFrame;
  const { functionName } = frame;
  const { url, lineNumber } = original(frame);
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
