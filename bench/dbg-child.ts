// The verifier-memory probe, run by bench/verifier-memory.ts in a process of its own
// (node --expose-gc): a session verifier holding SESSIONS cached live sessions, and what that
// costs in resident memory and V8 heap. Usher is faked in this process, as a real HTTP and
// WebSocket peer: introspection answers every token as a live session of an account of its
// own, and the session-change subscription says hello (entries kept 5 minutes) and grants
// every renewal a 4 s lease, so the answers are cached as under a real node. Prints one JSON
// line with the figures.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { createSessionVerifier } from "usher/verifier";
import { WebSocketServer } from "ws";

const SESSIONS = Number(process.env.SESSIONS ?? 100_000);
const CONCURRENCY = 100;
/** Tokens answered `{"active": false}`: the warm-up, which opens the connections and runs every code path once. */
const WARM = "warm-";
const WARM_TOKENS = 200;
/** Re-verified at the end: each must come from the cache, not from the fake Usher. */
const RECHECK = 1_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

let introspections = 0;
const server = createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/oauth/introspect") {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    body += chunk;
  });
  request.on("end", () => {
    introspections++;
    const token = new URLSearchParams(body).get("token") ?? "";
    const now = Math.floor(Date.now() / 1000);
    const answer = token.startsWith(WARM)
      ? { active: false }
      : {
          active: true,
          sub: randomUUID(),
          sid: randomBytes(16).toString("base64url"),
          exp: now + 30 * 86_400,
          iat: now,
          auth_time: now,
          token_type: "Bearer",
          aal: 1,
          plan: "standard",
          device: { kind: "mobile", name: "Phone" },
          profile: { id: randomUUID(), name: "Jo", kids: false },
        };
    const text = JSON.stringify(answer);
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
  });
});
const subscriptions = new WebSocketServer({ server, path: "/oauth/session-changes" });
let hellos = 0;
subscriptions.on("connection", (socket) => {
  hellos++;
  socket.send(JSON.stringify({ type: "hello", entryMs: 300_000, renewMs: 1_000 }));
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { type: string; id?: number };
    if (message.type === "renew") socket.send(JSON.stringify({ type: "lease", id: message.id, ms: 4_000, epoch: "bench" }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;

// A long timeout: on a busy machine a fill may wait, and this figure is about memory, not speed.
const verifier = createSessionVerifier({
  url: `http://127.0.0.1:${port}`,
  clientId: "bench-memory",
  clientSecret: "bench",
  timeoutMs: 60_000,
});
await verifier.ready();

// Tokens as Usher issues them (43 characters), made from their number and never kept here.
const prefix = randomBytes(32).toString("base64url").slice(0, 35);
const tokenOf = (i: number) => `${prefix}${i.toString(36).padStart(8, "0")}`;

async function verifyAll(count: number, token: (i: number) => string, expectLive: boolean): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const claims = await verifier.verify(token(next++));
        if ((claims !== null) !== expectLive) throw new Error(`verify answered ${claims === null ? "not live" : "live"}`);
      }
    }),
  );
}

async function settled(): Promise<{ rss: number; heapUsed: number; external: number }> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

await verifyAll(WARM_TOKENS, (i) => `${WARM}${createHash("sha256").update(String(i)).digest("base64url")}`, false);
const before = { ...(await settled()), status: verifier.status() };
const t0 = performance.now();
await verifyAll(SESSIONS, tokenOf, true);
const fillMs = performance.now() - t0;
for (let k = 0; k < 5; k++) { const m = await settled(); console.error(k, (m.rss/1e6).toFixed(0), (m.heapUsed/1e6).toFixed(0), (process.memoryUsage().heapTotal/1e6).toFixed(0)); await new Promise((r) => setTimeout(r, 5000)); }
const after = { ...(await settled()), status: verifier.status() };
const asked = introspections;
await verifyAll(RECHECK, (i) => tokenOf(Math.floor((i * SESSIONS) / RECHECK)), true);
const recheckIntrospections = introspections - asked;

console.log(
  JSON.stringify({
    sessions: SESSIONS,
    concurrency: CONCURRENCY,
    before,
    after,
    fillMs,
    hellos,
    recheck: RECHECK,
    recheckIntrospections,
    node: process.version,
  }),
);
await verifier.close();
subscriptions.close();
server.closeAllConnections();
server.close();
