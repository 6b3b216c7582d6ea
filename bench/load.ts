// The loads and their baselines: autocannon against /me, token introspection and sign-in, the
// bare Node server, and the argon2id probe that gives the hashing limit.

import { spawn } from "node:child_process";
import autocannon, { type Result } from "autocannon";
import { cores, median, root } from "./support/common";
import { type Node, started } from "./support/processes";
import { emailOf, introspectionBody, PASSWORD, type ServiceClient } from "./support/usher-api";

/** The baseline: a bare Node `http` server answering a constant JSON body, one process. */
// It reads a request's body, and parses a form, as any server must: so its POST runs are the
// like-for-like baseline of introspection (a form post), its GET runs that of /me.
export const BARE_SERVER = `
const http = require("node:http");
const body = JSON.stringify({ account: { id: "acc_0123456789", email: "bench@example.com", emailVerified: true }, session: { id: "0123456789abcdefghijkl", deviceKind: "mobile", deviceName: "Bench" }, profile: null });
http.createServer((req, res) => {
  let received = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => { received += chunk; });
  req.on("end", () => {
    if (received && new URLSearchParams(received).get("token") === null) res.statusCode = 400;
    res.writeHead(res.statusCode || 200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
`;

/** One argon2id verification at the OWASP parameters, timed in a process of its own. */
export const ARGON2_PROBE = `
import { hash, verify } from "@node-rs/argon2";
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const password = "violet-kettle-harbour-42";
const stored = await hash(password, options);
for (let i = 0; i < 3; i++) await verify(stored, password);
const times = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  if (!(await verify(stored, password))) throw new Error("verification failed");
  times.push(performance.now() - t0);
}
// Also: how many verifications per second CORES concurrent ones really reach (informative).
const cores = Number(process.env.CORES);
const t0 = performance.now();
let done = 0;
await Promise.all(Array.from({ length: cores }, async () => {
  for (let i = 0; i < 10; i++) { await verify(stored, password); done++; }
}));
const parallelPerSecond = done / ((performance.now() - t0) / 1000);
console.log(JSON.stringify({ times, parallelPerSecond }));
`;

export interface Argon2Probe {
  medianMs: number;
  times: number[];
  /** Verifications per second that `cores` concurrent ones reached. */
  parallelPerSecond: number;
}

export async function measureArgon2(): Promise<Argon2Probe> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", ARGON2_PROBE], {
    cwd: root,
    env: { ...process.env, CORES: String(cores) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  started.delete(child);
  if (code !== 0) throw new Error(`argon2 probe failed (${code})`);
  const { times, parallelPerSecond } = JSON.parse(output) as { times: number[]; parallelPerSecond: number };
  return { medianMs: median(times), times, parallelPerSecond };
}

// Load

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

export function summarise(result: Result): Run {
  const total = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + Number(s.count), 0);
  const ok = total - result.non2xx;
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export async function loadMe(node: Node, token: string, duration: number): Promise<Run> {
  return summarise(
    await autocannon({
      url: `${node.url}/api/v1/me`,
      connections: 32,
      duration,
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

/**
 * The ceiling of `/me`: the same app and plugins answering a constant (`GET /livez`), with the
 * same connections and the same Authorization header, which /livez ignores.
 */
export async function loadCeiling(node: Node, token: string, duration: number): Promise<Run> {
  return summarise(
    await autocannon({
      url: `${node.url}/livez`,
      connections: 32,
      duration,
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

/**
 * POST /oauth/introspect as a platform service asks it: the same connections as /me, one session
 * token, the service client's Basic credentials. A 200 answers both live and dead tokens, so the
 * caller checks that the token is live before and after the run.
 */
export async function loadIntrospect(node: Node, client: ServiceClient, token: string, duration: number): Promise<Run> {
  return summarise(
    await autocannon({
      url: `${node.url}/oauth/introspect`,
      connections: 32,
      duration,
      method: "POST",
      headers: { authorization: client.authorization, "content-type": "application/x-www-form-urlencoded" },
      body: introspectionBody(token),
    }),
  );
}

export let signInCounter = 0;
export async function loadSignIn(node: Node, accounts: number, duration: number): Promise<Run> {
  return summarise(
    await autocannon({
      url: node.url,
      connections: 16,
      duration,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path: "/api/v1/auth/sign-in",
          setupRequest: (request) => {
            const n = signInCounter++;
            return {
              ...request,
              headers: {
                "content-type": "application/json",
                // Every attempt from its own address, spread over many accounts, so that no
                // per-IP or per-account limit is reached: this measures the work, not the throttle.
                "x-forwarded-for": `10.${100 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`,
              },
              body: JSON.stringify({ email: emailOf(n % accounts), password: PASSWORD, client: { kind: "mobile" } }),
            };
          },
        },
      ],
    }),
  );
}
