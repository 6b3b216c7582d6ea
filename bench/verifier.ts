// The cached session verifier (usher/verifier) as a platform service runs it:
// - what protecting a route costs: the example playback service (the verifier's Fastify plugin,
//   answering from its cache) against the same route unprotected and against the same route
//   asking Usher's introspection on every request, each variant its own process, runs interleaved;
// - what subscribed verifiers cost the request that changes a session: the sign-out-all answer
//   with none and with 6 verifiers subscribed across the nodes.
// The memory figure is bench/verifier-memory.ts.
import { join } from "node:path";
import autocannon from "autocannon";
import { createSessionVerifier, type SessionVerifier, type VerifierStatus } from "usher/verifier";
import { type Run, summarise } from "./load";
import { cores, log, resultsDir, sleep } from "./support/common";
import { type CpuUse, cpuSeconds, withCpu } from "./support/measure";
import { freePort, type Node, startProcess, stopProcess } from "./support/processes";
import { api, type ServiceClient, signIn, signUp } from "./support/usher-api";

export type Variant = "unprotected" | "cached" | "introspection";
export const VARIANTS: readonly Variant[] = ["unprotected", "cached", "introspection"];

export interface ProtectedRoute {
  /** Per variant, one run per round; a round runs the variants one after another (unprotected, cached, introspection). */
  runs: Record<Variant, Run[]>;
  cpu: Record<Variant, CpuUse[]>;
  /** Shares of one core the Usher node used during each cached run: about 0 when the verifier answers from its cache. */
  usherCpuDuringCached: number[];
  /** The cached service's /healthz after the warm-up, and after the last run. */
  healthBefore: VerifierStatus;
  healthAfter: VerifierStatus;
  connections: number;
  duration: number;
}

const CONNECTIONS = 32;
const TITLE = "/play/the-lantern-keepers";

async function health(service: Node): Promise<VerifierStatus> {
  const response = await fetch(`${service.url}/healthz`);
  if (response.status !== 200) throw new Error(`the playback service's /healthz answered ${response.status}`);
  return (await response.json()) as VerifierStatus;
}

async function play(service: Node, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${service.url}${TITLE}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

async function loadPlay(service: Node, token: string, duration: number): Promise<Run> {
  return summarise(
    await autocannon({ url: `${service.url}${TITLE}`, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${token}` } }),
  );
}

async function startVariant(variant: Variant, usher: Node, client: ServiceClient, profile: boolean): Promise<Node> {
  const port = await freePort();
  const file = variant === "cached" ? "examples/playback-service/server.ts" : "bench/support/playback-variants.ts";
  return startProcess(
    `playback-${variant}`,
    [...(profile ? ["--cpu-prof", "--cpu-prof-dir", join(resultsDir, "profile")] : []), "--import", "tsx", file],
    {
      ...process.env,
      MODE: variant,
      USHER_URL: usher.url,
      USHER_CLIENT_ID: client.id,
      USHER_CLIENT_SECRET: client.secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    /Playback (service|variant \(\w+\)) listening at/,
    port,
  );
}

/**
 * `GET /play/:titleId` with a live session's bearer token, at 32 connections, against three
 * playback processes on the same machine: the example service (cached verifier), the same app
 * unprotected, and the same app introspecting every request. Each is warmed up, then `runs`
 * rounds of one run each, in the same order every round.
 */
export async function measureProtectedRoute(
  usher: Node,
  options: {
    token: string;
    cachedClient: ServiceClient;
    introspectionClient: ServiceClient;
    database: string;
    runs: number;
    duration: number;
    warmup: number;
    profile: boolean;
  },
): Promise<ProtectedRoute> {
  const { token } = options;
  const services = {} as Record<Variant, Node>;
  try {
    // One after another: three tsx start-ups at once on two cores take longer than in turn.
    services.unprotected = await startVariant("unprotected", usher, options.cachedClient, options.profile);
    services.cached = await startVariant("cached", usher, options.cachedClient, options.profile);
    services.introspection = await startVariant("introspection", usher, options.introspectionClient, options.profile);
    log(`playback variants: ${VARIANTS.map((v) => `${v} pid ${services[v].pid}`).join(", ")}`);

    // The same answer from each (the unprotected one has no viewer, so its claims are made up).
    for (const variant of VARIANTS) {
      const answer = await play(services[variant], token);
      if (answer.status !== 200) throw new Error(`${variant} GET ${TITLE} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    const refused = await fetch(`${services.cached.url}${TITLE}`, { headers: { authorization: "Bearer not-a-session-token" } });
    if (refused.status !== 401) throw new Error(`the cached service let a made-up token through (${refused.status})`);

    log(`GET ${TITLE}: warm-up ${options.warmup} s each, then ${options.runs} × ${options.duration} s each, variants interleaved`);
    for (const variant of VARIANTS) await loadPlay(services[variant], token, options.warmup);
    const healthBefore = await health(services.cached);
    if (!healthBefore.leaseFresh || healthBefore.cached.live < 1) {
      throw new Error(`the cached service is not warm after its warm-up: ${JSON.stringify(healthBefore)}`);
    }

    const runs: Record<Variant, Run[]> = { unprotected: [], cached: [], introspection: [] };
    const cpu: Record<Variant, CpuUse[]> = { unprotected: [], cached: [], introspection: [] };
    const usherCpuDuringCached: number[] = [];
    for (let round = 0; round < options.runs; round++) {
      for (const variant of VARIANTS) {
        const usher0 = cpuSeconds(usher.pid);
        const t0 = performance.now();
        const [run, use] = await withCpu(services[variant].pid, options.database, () =>
          loadPlay(services[variant], token, options.duration),
        );
        if (variant === "cached") usherCpuDuringCached.push((cpuSeconds(usher.pid) - usher0) / ((performance.now() - t0) / 1000));
        runs[variant].push(run);
        cpu[variant].push(use);
      }
      const line = VARIANTS.map((v) => `${v} ${runs[v][round]!.rps.toFixed(0)}`).join(", ");
      log(`round ${round + 1}: ${line} req/s (non-2xx: ${VARIANTS.map((v) => runs[v][round]!.non2xx + runs[v][round]!.errors).join("/")})`);
    }
    const healthAfter = await health(services.cached);
    return {
      runs,
      cpu,
      usherCpuDuringCached,
      healthBefore,
      healthAfter,
      connections: CONNECTIONS,
      duration: options.duration,
    };
  } finally {
    for (const service of Object.values(services)) await stopProcess(service.child);
  }
}

export interface SignOutAllBlock {
  verifiers: number;
  /** Client round trip of each timed `POST /api/v1/sessions/sign-out-all`. */
  ms: number[];
}

export interface SignOutAllLatency {
  nodes: number;
  devices: number;
  /** In the order run: 0 verifiers, 6 verifiers, 0 verifiers again. */
  blocks: SignOutAllBlock[];
  /** After each answer with verifiers subscribed, every verifier asked about every signed-out device. */
  verifierChecks: number;
  /** Of those, answered as a live session (must be 0). */
  staleAnswers: number;
  /** Rounds where a verifier's lease was not fresh right before the sign-out (a subscription that fell behind). */
  unleasedRounds: number;
  /** Warnings the verifiers logged (a lost subscription). */
  verifierWarnings: number;
}

const DEVICES = 2;
/** Rounds run before each block's timed ones and not counted (first calls, JIT). */
const UNTIMED = 5;

/** A new account with `DEVICES` devices: signed up on the first node, signed in on the next ones. */
async function account(nodes: Node[], index: number): Promise<string[]> {
  const first = await signUp(nodes[0]!, index);
  const others = await Promise.all(Array.from({ length: DEVICES - 1 }, (_, k) => signIn(nodes[(k + 1) % nodes.length]!, index)));
  return [first, ...others];
}

async function accounts(nodes: Node[], firstIndex: number, count: number): Promise<string[][]> {
  const made: string[][] = [];
  const batch = cores * 2;
  for (let i = 0; i < count; i += batch) {
    const indices = Array.from({ length: Math.min(batch, count - i) }, (_, k) => firstIndex + i + k);
    made.push(...(await Promise.all(indices.map((index) => account(nodes, index)))));
  }
  return made;
}

/** Times sign-out-all on the first node: from sending the request to reading its whole answer. */
async function timedSignOutAll(node: Node, token: string): Promise<number> {
  const t0 = performance.now();
  const out = await api(node, "POST", "/api/v1/sessions/sign-out-all", { token });
  const ms = performance.now() - t0;
  if (out.status !== 200) throw new Error(`sign-out-all answered ${out.status}: ${JSON.stringify(out.json)}`);
  return ms;
}

/**
 * Sign-out-all on the first node, one account at a time: `rounds` timed rounds with no verifier
 * subscribed, then with `verifierCount` verifiers (in this process, spread round-robin over the
 * nodes, each with a lease and the account's devices cached), then with none again (a control
 * for drift). Every account is made beforehand, so the blocks run back to back.
 */
export async function measureSignOutAll(
  nodes: Node[],
  options: { client: ServiceClient; firstAccount: number; rounds: number; verifierCount: number },
): Promise<SignOutAllLatency> {
  const perBlock = UNTIMED + options.rounds;
  log(`sign-out-all latency: making ${3 * perBlock} accounts with ${DEVICES} devices each over ${nodes.length} nodes`);
  const made = await accounts(nodes, options.firstAccount, 3 * perBlock);
  const blocks: SignOutAllBlock[] = [];
  let verifierChecks = 0;
  let staleAnswers = 0;
  let unleasedRounds = 0;
  let verifierWarnings = 0;

  const runBlock = async (devices: string[][], verifiers: SessionVerifier[]) => {
    const ms: number[] = [];
    for (const [round, tokens] of devices.entries()) {
      if (verifiers.length > 0) {
        // As a service would have them: each verifier holds the account's devices in its cache.
        const answers = await Promise.all(verifiers.flatMap((verifier) => tokens.map((token) => verifier.verify(token))));
        if (answers.some((claims) => claims === null)) throw new Error("a verifier did not know a fresh device");
        if (!verifiers.every((verifier) => verifier.status().leaseFresh)) {
          unleasedRounds++;
          await Promise.all(verifiers.map((verifier) => verifier.ready()));
        }
      }
      const elapsed = await timedSignOutAll(nodes[0]!, tokens[0]!);
      if (round >= UNTIMED) ms.push(elapsed);
      if (verifiers.length > 0) {
        // Answered means applied by every verifier: none may still call a device signed in.
        const after = await Promise.all(verifiers.flatMap((verifier) => tokens.map((token) => verifier.verify(token))));
        verifierChecks += after.length;
        staleAnswers += after.filter((claims) => claims !== null).length;
      }
    }
    blocks.push({ verifiers: verifiers.length, ms });
    const sorted = [...ms].sort((a, b) => a - b);
    log(
      `${verifiers.length} verifiers: ${ms.length} rounds, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, ` +
        `max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
  };

  await runBlock(made.slice(0, perBlock), []);
  const verifiers = Array.from({ length: options.verifierCount }, (_, i) =>
    createSessionVerifier({
      url: nodes[i % nodes.length]!.url,
      clientId: options.client.id,
      clientSecret: options.client.secret,
      logger: {
        warn: (message, details) => {
          verifierWarnings++;
          log(`verifier ${i + 1}: ${message} ${JSON.stringify(details ?? {})}`);
        },
      },
    }),
  );
  try {
    await Promise.all(verifiers.map((verifier) => verifier.ready()));
    log(`${verifiers.length} verifiers subscribed with a lease (${verifiers.map((_, i) => `node ${(i % nodes.length) + 1}`).join(", ")})`);
    await runBlock(made.slice(perBlock, 2 * perBlock), verifiers);
  } finally {
    await Promise.all(verifiers.map((verifier) => verifier.close()));
  }
  // A closed subscription's lease still runs (Usher waits for it until it ends): let them lapse.
  await sleep(5_000);
  await runBlock(made.slice(2 * perBlock), []);
  return { nodes: nodes.length, devices: DEVICES, blocks, verifierChecks, staleAnswers, unleasedRounds, verifierWarnings };
}
