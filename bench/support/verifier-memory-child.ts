// The verifier-memory probe, run by bench/verifier-memory.ts in a process of its own
// (node --expose-gc): a session verifier holding SESSIONS cached live sessions, filled from the
// fake Usher at USHER_URL (bench/support/fake-usher.ts, another process), and what that costs
// in resident memory and V8 heap. Prints one JSON line with the figures.
//
// Filling the cache is 100,000 HTTP round trips: V8 grows its heap to absorb their garbage and
// gives the free pages back only over the following seconds. So the probe collects garbage
// after every 10,000 calls, and after the fill once a second until the RSS stops falling (at
// most SETTLE_MS); it reports the RSS both right after the fill and settled.
import { createHash, randomBytes } from "node:crypto";
import { createSessionVerifier } from "usher/verifier";

const SESSIONS = Number(process.env.SESSIONS ?? 100_000);
const USHER_URL = process.env.USHER_URL ?? "";
const CONCURRENCY = 100;
/** Tokens the fake Usher answers as not live: the warm-up, which opens the connections and runs every code path once. */
const WARM_TOKENS = 200;
/** Re-verified at the end: each must come from the cache, not from the fake Usher. */
const RECHECK = 1_000;
const SETTLE_MS = 10_000;
/** Garbage is collected after every CHUNK verify calls, so the fill's garbage does not pile up in the old space. */
const CHUNK = 10_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const verifier = createSessionVerifier({ url: USHER_URL, clientId: "bench-memory", clientSecret: "bench" });
await verifier.ready();

async function fakeUsherCounts(): Promise<{ introspections: number; hellos: number }> {
  return (await (await fetch(`${USHER_URL}/introspections`)).json()) as { introspections: number; hellos: number };
}

// Tokens as Usher issues them (43 characters), made from their number and never kept here.
const prefix = randomBytes(32).toString("base64url").slice(0, 35);
const tokenOf = (i: number) => `${prefix}${i.toString(36).padStart(8, "0")}`;

async function verifyAll(count: number, token: (i: number) => string, expectLive: boolean, from = 0): Promise<void> {
  let next = from;
  count += from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const claims = await verifier.verify(token(next++));
        if ((claims !== null) !== expectLive) throw new Error(`verify answered ${claims === null ? "not live" : "live"}`);
      }
    }),
  );
}

async function collected(): Promise<{ rss: number; heapUsed: number; heapTotal: number; external: number }> {
  for (let i = 0; i < 2; i++) {
    gc!();
    await sleep(20);
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

await verifyAll(WARM_TOKENS, (i) => `warm-${createHash("sha256").update(String(i)).digest("base64url")}`, false);
const before = { ...(await collected()), status: verifier.status() };
const t0 = performance.now();
for (let from = 0; from < SESSIONS; from += CHUNK) {
  await verifyAll(Math.min(CHUNK, SESSIONS - from), tokenOf, true, from);
  gc();
}
const fillMs = performance.now() - t0;
const justAfter = await collected();
const settleStart = performance.now();
let after = justAfter;
while (performance.now() - settleStart < SETTLE_MS) {
  await sleep(1_000);
  const now = await collected();
  const falling = now.rss < after.rss - 1024 * 1024;
  after = now;
  if (!falling) break;
}
const settleMs = performance.now() - settleStart;
const status = verifier.status();
const asked = (await fakeUsherCounts()).introspections;
await verifyAll(RECHECK, (i) => tokenOf(Math.floor((i * SESSIONS) / RECHECK)), true);
const counts = await fakeUsherCounts();

console.log(
  JSON.stringify({
    sessions: SESSIONS,
    concurrency: CONCURRENCY,
    before,
    justAfter,
    after: { ...after, status },
    fillMs,
    settleMs,
    hellos: counts.hellos,
    recheck: RECHECK,
    recheckIntrospections: counts.introspections - asked,
  }),
);
await verifier.close();
