// `npm run bench`: the figures of the README's "Benchmarks" section, measured on PostgreSQL against the
// real server process, each next to a baseline taken in the same run. Writes
// bench/results/latest.md and prints it. Bounded: about 8 minutes on a 2-core machine.
// Usher nodes run as production runs them: package.json's `start` (`node … dist/server/usher.js serve`),
// the bundle built afresh (scripts/build-server.mjs) when the bench starts. Its own tools (delivery sink,
// playback services, fake Usher, wire counter) run under tsx.
//
// Options (environment):
//   TEST_POSTGRES_URL  admin URL of the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION     seconds per measured run (default 10)
//   BENCH_RUNS         measured runs per figure (default 3)
//   BENCH_CPU_PROF=1   run the server (and the playback services) under `node --cpu-prof` (profiles land in bench/results/profile/;
//                      summarise it with `tsx bench/profile-summary.ts`). Slows the server: figures
//                      from such a run are not comparable.
//   BENCH_ONLY=me|introspect|sign-in  run only that load phase (for profiling; /me and introspection
//                      still run next to the bare baseline)
//   BENCH_ONLY=verifier  run only the cached session verifier's phases (bench/verifier.ts,
//                      bench/verifier-memory.ts: about 2 minutes); the report then holds only them
//   BENCH_VERIFIER_DURATION  seconds per measured run of the protected route (default BENCH_DURATION ÷ 2)
//   BENCH_VERIFIER_ROUNDS    timed sign-out-all rounds per block (default 100)
//   BENCH_ONLY=streams   run only the streams phase (bench/streams.ts: heartbeat throughput against the bare
//                      server, statements per heartbeat, sign-out-all against heartbeats on 3 nodes: about 90 s)
//   BENCH_STREAMS_DURATION  seconds per measured heartbeat run (default BENCH_DURATION ÷ 2)
//   BENCH_STREAMS_ROUNDS    sign-out-all rounds against heartbeating devices (default 10)
//   BENCH_ONLY=footprint run only the start-to-ready times (bench/start-time.ts) and the resident memory, idle
//                      and under a short /me load, each next to the bare server (about a minute)
//   BENCH_FOOTPRINT_DURATION  seconds per measured /me run of BENCH_ONLY=footprint (default 5)
//   BENCH_ONLY=pages     run only the page loads (bench/page-load.ts): the landing page and the signed-in Account
//                      page in Debian's Chromium (/usr/bin/chromium) over a throttled slow mobile connection,
//                      BENCH_RUNS loads of each (about a minute). Needs the built web app (dist/web, `npm run build`)
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { BARE_SERVER, loadCeiling, loadIntrospect, loadMe, loadSignIn, measureArgon2, type Run } from "./load";
import { measurePageLoads, type PageLoads, requireWebApp } from "./page-load";
import { type Figures, footprintReport, pagesReport, report, streamsReport, type VerifierFigures, verifierReport } from "./report";
import { measureResetTiming, type ResetTiming } from "./reset-timing";
import { type ClusterRefusal, type LiveNotices, measureClusterRefusal, measureLiveNotices } from "./revocation";
import { countSignInStatements } from "./sign-in-statements";
import { measureStartTimes, type StartTimes } from "./start-time";
import { type HeartbeatRefusal, measureHeartbeatRefusal, measureHeartbeatsAndStatements, type StreamFigures } from "./streams";
import { cores, log, median, resultsDir, sleep } from "./support/common";
import { type CpuUse, committedStatements, rssMiB, sampleRss, withCpu } from "./support/measure";
import { buildServer, commandLine, freePort, type Node, startProcess, stopAll, stopProcess, USHER_SERVE } from "./support/processes";
import { api, emailOf, introspect, type ServiceClient, serviceClients, signUp } from "./support/usher-api";
import { measureProtectedRoute, measureSignOutAll, type ProtectedRoute, type SignOutAllLatency } from "./verifier";
import { measureVerifierMemory, type VerifierMemory } from "./verifier-memory";

const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP = 3;
const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
/**
 * For profiling one phase: "me", "introspect" or "sign-in" skips the other load phases (the report
 * then lacks their figures); "verifier" runs the cached session verifier's phases and nothing else,
 * "streams" the streams phase and nothing else, "footprint" the start-to-ready times and the
 * resident memory and nothing else, "pages" the page loads in Chromium and nothing else.
 */
const ONLY = process.env.BENCH_ONLY || undefined;
if (ONLY !== undefined && !["me", "introspect", "sign-in", "verifier", "streams", "footprint", "pages"].includes(ONLY)) {
  throw new Error(`BENCH_ONLY=${ONLY}: expected me, introspect, sign-in, verifier, streams, footprint or pages`);
}
const RUN_VERIFIER = ONLY === undefined || ONLY === "verifier";
const RUN_STREAMS = ONLY === undefined || ONLY === "streams";
const RUN_ME = ONLY === undefined || ONLY === "me";
const RUN_INTROSPECT = ONLY === undefined || ONLY === "introspect";
const RUN_SIGN_IN = ONLY === undefined || ONLY === "sign-in";
const RUN_PAGES = ONLY === undefined || ONLY === "pages";
/**
 * The service clients that introspect: one for the warm-up and one per measured run. The limit
 * (`servicePerClient`, 360,000 a minute) is per client and counted in fixed windows, so runs of
 * one client 30 s apart could share a window and be throttled; one run alone stays within it
 * below 36,000 requests/s. Each request still goes through the throttle, so its cost is measured.
 * A 429 would show as non-2xx in the run's line.
 */
const SERVICE = serviceClients([
  "bench-warmup",
  ...Array.from({ length: RUNS }, (_, run) => `bench-${run + 1}`),
  // The cached session verifier's phases: the example playback service, its introspecting twin, the subscribed verifiers.
  "bench-playback",
  "bench-playback-introspect",
  "bench-verifiers",
]);
const serviceClient = (id: string): ServiceClient => SERVICE.clients.find((client) => client.id === id)!;
const SIGN_IN_ACCOUNTS = 120;
/** Nodes for the revocation figures: the one under test and two more on the same database. */
const NODES = 3;
const REVOCATION_ROUNDS = 15;
const NOTICE_ACCOUNTS = 10;
const SCREENS_PER_ACCOUNT = 10;
/** Password-reset timing: measured requests per class (known, unknown, second unknown as the baseline) and method, after uncounted ones. */
const RESET_SAMPLES = 200;
const RESET_WARMUP = 40;
const RESET_SEED = 20_251_121;
/** The cached session verifier: its accounts are numbered from here (past every other phase's). */
const VERIFIER_FIRST_ACCOUNT = 1_000;
const VERIFIER_DURATION = Number(process.env.BENCH_VERIFIER_DURATION ?? Math.max(1, DURATION / 2));
const VERIFIER_ROUNDS = Number(process.env.BENCH_VERIFIER_ROUNDS ?? 100);
/** Warm-up of each playback variant, in seconds. */
const VERIFIER_WARMUP = 2;
const VERIFIERS = 6;
const VERIFIER_SESSIONS = 100_000;
/** The streams phase: its accounts are numbered from here (past the verifier's), the refusal rounds' after the load's. */
const STREAMS_FIRST_ACCOUNT = 200_000;
const STREAMS_REFUSAL_FIRST_ACCOUNT = STREAMS_FIRST_ACCOUNT + 100;
const STREAMS_DURATION = Number(process.env.BENCH_STREAMS_DURATION ?? Math.max(1, DURATION / 2));
const STREAMS_ROUNDS = Number(process.env.BENCH_STREAMS_ROUNDS ?? 10);
const STREAMS_WARMUP = 2;
/** Start-to-ready: rounds of a bare start, a migrating start and a restart (a round takes about 5 s). */
const START_ROUNDS = 3;
const FOOTPRINT_DURATION = Number(process.env.BENCH_FOOTPRINT_DURATION ?? 5);
/** The page loads: the account that opens the Account page (past the streams phase's). */
const PAGES_ACCOUNT = 300_000;

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Ports of the delivery sink every node sends its email and text messages to. */
interface Sink {
  smtpPort: number;
  smsPort: number;
}

async function startDeliverySink(): Promise<{ node: Node; ports: Sink }> {
  const ports = { smtpPort: await freePort(), smsPort: await freePort() };
  const env = { ...process.env, SMTP_PORT: String(ports.smtpPort), SMS_PORT: String(ports.smsPort) };
  const node = await startProcess("sink", ["--import", "tsx", "bench/support/delivery-sink.ts"], env, /delivery sink ready/, ports.smsPort);
  return { node, ports };
}

/** An Usher node's environment: production mode on PostgreSQL, its mail and texts to the sink. */
function usherEnv(port: number, databaseUrl: string, secretKey: string, sink: Sink): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SECRET_KEY: secretKey,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: "warn",
    TRUST_PROXY: "1",
    NODE_ENV: "production",
    SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
    SMS_PROVIDER: "webhook",
    SMS_WEBHOOK_URL: `http://127.0.0.1:${sink.smsPort}/sms`,
    SMS_WEBHOOK_SECRET: "bench",
    SERVICE_CLIENTS: SERVICE.env,
  };
}

/** An Usher node as `npm start` runs it in production, on PostgreSQL, in its own process. */
async function startUsher(name: string, databaseUrl: string, secretKey: string, sink: Sink, profile: boolean): Promise<Node> {
  const port = await freePort();
  return startProcess(
    name,
    [...(profile ? ["--cpu-prof", "--cpu-prof-dir", join(resultsDir, "profile")] : []), ...USHER_SERVE],
    usherEnv(port, databaseUrl, secretKey, sink),
    /Usher is running/,
    port,
  );
}

/** Start-to-ready of Usher nodes (a restart, and a first start that migrates) and of the bare server. */
async function startTimes(databaseUrl: string, secretKey: string, sink: Sink): Promise<StartTimes> {
  log(`start-to-ready: ${START_ROUNDS} rounds of a bare server start, an Usher start that migrates an empty database, and a restart on it`);
  let scratch = 0;
  const times = await measureStartTimes({
    rounds: START_ROUNDS,
    usher: { args: USHER_SERVE, env: (port, url) => usherEnv(port, url, secretKey, sink) },
    emptyDatabase: async () => {
      const name = `${new URL(databaseUrl).pathname.slice(1)}_start_${++scratch}`;
      await adminQuery(`create database ${name}`);
      return { url: withDatabase(databaseUrl, name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
    },
  });
  log(
    `ready (/readyz): restart median ${median(times.restartMs).toFixed(0)} ms, first start (migrating) ` +
      `${median(times.migratingMs).toFixed(0)} ms; bare server ${median(times.bareMs).toFixed(0)} ms`,
  );
  return times;
}

/** What a measured PID runs, for the report (`node` for the path of this Node). */
const serverCommand = (pid: number) => commandLine(pid).replace(process.execPath, "node");

/** Runs `phase` and answers its result and wall time in seconds. */
async function timed<T>(phase: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await phase();
  return [result, (performance.now() - t0) / 1000];
}

/** The protected route, cached verifier against unprotected and introspection, with a new account's session. */
async function verifierRoute(usher: Node, dbName: string): Promise<ProtectedRoute> {
  log("cached session verifier: GET /play/:titleId, cached against unprotected and introspection on every request");
  const token = await signUp(usher, VERIFIER_FIRST_ACCOUNT);
  return measureProtectedRoute(usher, {
    token,
    cachedClient: serviceClient("bench-playback"),
    introspectionClient: serviceClient("bench-playback-introspect"),
    database: dbName,
    runs: RUNS,
    duration: VERIFIER_DURATION,
    warmup: VERIFIER_WARMUP,
    profile: CPU_PROF,
  });
}

async function verifierSignOut(nodes: Node[]): Promise<SignOutAllLatency> {
  log(`cached session verifier: sign-out-all answer with 0, ${VERIFIERS}, then 0 verifiers subscribed (${VERIFIER_ROUNDS} rounds each)`);
  return measureSignOutAll(nodes, {
    client: serviceClient("bench-verifiers"),
    firstAccount: VERIFIER_FIRST_ACCOUNT + 1,
    rounds: VERIFIER_ROUNDS,
    verifierCount: VERIFIERS,
  });
}

async function verifierMemory(): Promise<VerifierMemory> {
  log(`cached session verifier: memory of ${VERIFIER_SESSIONS.toLocaleString("en-US")} cached sessions, in a child process`);
  const memory = await measureVerifierMemory(VERIFIER_SESSIONS);
  log(`verifier memory: RSS ${(memory.before.rss / 2 ** 20).toFixed(1)} → ${(memory.after.rss / 2 ** 20).toFixed(1)} MiB`);
  return memory;
}

/** Heartbeat throughput against the bare server, then the statements a heartbeat costs, on a counted node of its own. */
async function heartbeats(
  usher: Node,
  bare: Node,
  dbName: string,
  databaseUrl: string,
  startNode: (name: string, url: string) => Promise<Node>,
) {
  return measureHeartbeatsAndStatements(usher, bare, {
    firstAccount: STREAMS_FIRST_ACCOUNT,
    batch: cores * 2,
    runs: RUNS,
    duration: STREAMS_DURATION,
    warmup: STREAMS_WARMUP,
    database: dbName,
    databaseUrl,
    startNode,
  });
}

async function heartbeatRefusal(nodes: Node[]): Promise<HeartbeatRefusal> {
  log(
    `sign-out-all → last of ${nodes.length} nodes refusing heartbeats: ${STREAMS_ROUNDS} rounds, every device heartbeating on every node`,
  );
  return measureHeartbeatRefusal(nodes, STREAMS_REFUSAL_FIRST_ACCOUNT, STREAMS_ROUNDS);
}

async function pageLoads(usher: Node): Promise<PageLoads> {
  log(`page loads: / and /account in Chromium over a throttled connection, ${RUNS} loads of each in fresh browser contexts`);
  return measurePageLoads(usher, { runs: RUNS, account: PAGES_ACCOUNT });
}

function writeReport(markdown: string): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "latest.md"), markdown);
  process.stdout.write(markdown);
}

/** `BENCH_ONLY=verifier`: one node for the protected route, three for sign-out-all, then the memory probe. */
async function verifierOnly(
  databaseUrl: string,
  dbName: string,
  postgresVersion: string,
  started: Date,
  loadBefore: number[],
): Promise<void> {
  const secretKey = randomBytes(32).toString("base64");
  const sink = await startDeliverySink();
  const usher = await startUsher("usher", databaseUrl, secretKey, sink.ports, CPU_PROF);
  const others: Node[] = [];
  try {
    const [route, routeSeconds] = await timed(() => verifierRoute(usher, dbName));
    const [signOut, signOutSeconds] = await timed(async () => {
      for (let n = 2; n <= NODES; n++) others.push(await startUsher(`usher-${n}`, databaseUrl, secretKey, sink.ports, false));
      return verifierSignOut([usher, ...others]);
    });
    for (const node of others) await stopProcess(node.child);
    const [memory, memorySeconds] = await timed(verifierMemory);
    const verifier: VerifierFigures = {
      route,
      signOut,
      memory,
      seconds: { route: routeSeconds, signOut: signOutSeconds, memory: memorySeconds },
    };
    writeReport(verifierReport(verifier, { loadBefore, loadAfter: loadavg(), postgresVersion, started, finished: new Date() }));
  } finally {
    for (const node of others) await stopProcess(node.child);
    await stopProcess(usher.child);
    await stopProcess(sink.node.child);
  }
}

/** `BENCH_ONLY=streams`: one node and the bare server for the heartbeat load, a counted node, then three nodes for sign-out-all. */
async function streamsOnly(
  databaseUrl: string,
  dbName: string,
  postgresVersion: string,
  started: Date,
  loadBefore: number[],
): Promise<void> {
  const secretKey = randomBytes(32).toString("base64");
  const sink = await startDeliverySink();
  const startNode = (name: string, url: string) => startUsher(name, url, secretKey, sink.ports, false);
  const usher = await startUsher("usher", databaseUrl, secretKey, sink.ports, CPU_PROF);
  const barePort = await freePort();
  const bare = await startProcess("bare", ["-e", BARE_SERVER], { ...process.env, PORT: String(barePort) }, /bare server ready/, barePort);
  const others: Node[] = [];
  try {
    const [{ load, statements, commits }, loadSeconds] = await timed(() => heartbeats(usher, bare, dbName, databaseUrl, startNode));
    await stopProcess(bare.child);
    const [refusal, refusalSeconds] = await timed(async () => {
      for (let n = 2; n <= NODES; n++) others.push(await startNode(`usher-${n}`, databaseUrl));
      return heartbeatRefusal([usher, ...others]);
    });
    const streams: StreamFigures = { load, statements, commits, refusal, seconds: { load: loadSeconds, refusal: refusalSeconds } };
    writeReport(streamsReport(streams, { loadBefore, loadAfter: loadavg(), postgresVersion, started, finished: new Date() }));
  } finally {
    for (const node of others) await stopProcess(node.child);
    await stopProcess(bare.child);
    await stopProcess(usher.child);
    await stopProcess(sink.node.child);
  }
}

/** `BENCH_ONLY=footprint`: start-to-ready, then one node and the bare server idle and under a short /me load. */
async function footprintOnly(databaseUrl: string, postgresVersion: string, started: Date, loadBefore: number[]): Promise<void> {
  const secretKey = randomBytes(32).toString("base64");
  const sink = await startDeliverySink();
  const nodes: Node[] = [sink.node];
  try {
    const start = await startTimes(databaseUrl, secretKey, sink.ports);
    const usher = await startUsher("usher", databaseUrl, secretKey, sink.ports, CPU_PROF);
    nodes.push(usher);
    const barePort = await freePort();
    const bare = await startProcess("bare", ["-e", BARE_SERVER], { ...process.env, PORT: String(barePort) }, /bare server ready/, barePort);
    nodes.push(bare);
    await sleep(2000);
    const rssIdle = rssMiB(usher.pid);
    const rssBareIdle = rssMiB(bare.pid);
    const token = await signUp(usher, 0);
    log(`GET /api/v1/me: warm-up ${WARMUP} s each, then ${RUNS} × ${FOOTPRINT_DURATION} s, interleaved with the bare server`);
    await loadMe(bare, token, WARMUP);
    await loadMe(usher, token, WARMUP);
    const me: Run[] = [];
    const bareRuns: Run[] = [];
    const rssLoad: number[] = [];
    const rssBareLoad: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const bareSampler = sampleRss(bare.pid);
      bareRuns.push(await loadMe(bare, token, FOOTPRINT_DURATION));
      rssBareLoad.push(bareSampler.stop());
      const sampler = sampleRss(usher.pid);
      me.push(await loadMe(usher, token, FOOTPRINT_DURATION));
      rssLoad.push(sampler.stop());
      log(`run ${run + 1}: usher RSS max ${rssLoad.at(-1)!.toFixed(0)} MiB, bare ${rssBareLoad.at(-1)!.toFixed(0)} MiB`);
    }
    const footprint = { start, command: serverCommand(usher.pid), rssIdle, rssBareIdle, rssLoad, rssBareLoad };
    const meta = { loadBefore, loadAfter: loadavg(), postgresVersion, started, finished: new Date() };
    writeReport(footprintReport({ ...footprint, me, bare: bareRuns, duration: FOOTPRINT_DURATION }, meta));
  } finally {
    for (const node of nodes.reverse()) await stopProcess(node.child);
  }
}

/** `BENCH_ONLY=pages`: one node, then the page loads in Chromium. */
async function pagesOnly(databaseUrl: string, postgresVersion: string, started: Date, loadBefore: number[]): Promise<void> {
  const secretKey = randomBytes(32).toString("base64");
  const sink = await startDeliverySink();
  const nodes: Node[] = [sink.node];
  try {
    const usher = await startUsher("usher", databaseUrl, secretKey, sink.ports, CPU_PROF);
    nodes.push(usher);
    const pages = await pageLoads(usher);
    writeReport(pagesReport(pages, { loadBefore, loadAfter: loadavg(), postgresVersion, started, finished: new Date() }));
  } finally {
    for (const node of nodes.reverse()) await stopProcess(node.child);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  // Found out now rather than after the other phases.
  if (RUN_PAGES) requireWebApp();
  log("building the server (scripts/build-server.mjs)");
  buildServer();
  const dbName = `usher_bench_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  log(`creating database ${dbName}`);
  await adminQuery(`create database ${dbName}`);
  const databaseUrl = withDatabase(adminUrl, dbName);
  try {
    const versionClient = new pg.Client({ connectionString: databaseUrl });
    await versionClient.connect();
    const postgresVersion = String((await versionClient.query("show server_version")).rows[0].server_version);
    await versionClient.end();
    if (ONLY === "verifier") {
      await verifierOnly(databaseUrl, dbName, postgresVersion, startedAt, loadBefore);
      return;
    }
    if (ONLY === "streams") {
      await streamsOnly(databaseUrl, dbName, postgresVersion, startedAt, loadBefore);
      return;
    }
    if (ONLY === "footprint") {
      await footprintOnly(databaseUrl, postgresVersion, startedAt, loadBefore);
      return;
    }
    if (ONLY === "pages") {
      await pagesOnly(databaseUrl, postgresVersion, startedAt, loadBefore);
      return;
    }

    // 1. The hashing limit, measured first while nothing else runs.
    log("timing argon2id verifications (m=19456, t=2, p=1) in a child process");
    const argon2 = [await measureArgon2()];
    log(`one verification: median ${argon2[0]!.medianMs.toFixed(1)} ms`);

    // 1b. Start-to-ready, one process at a time, while nothing else runs but the delivery sink.
    const secretKey = randomBytes(32).toString("base64");
    const sink = await startDeliverySink();
    const start = await startTimes(databaseUrl, secretKey, sink.ports);

    // 2. The server under test and the baseline, one process each.
    const usher = await startUsher("usher", databaseUrl, secretKey, sink.ports, CPU_PROF);
    const barePort = await freePort();
    const bare = await startProcess("bare", ["-e", BARE_SERVER], { ...process.env, PORT: String(barePort) }, /bare server ready/, barePort);
    log(`usher pid ${usher.pid} on ${usher.url}; bare pid ${bare.pid} on ${bare.url}`);

    try {
      await sleep(2000);
      const rssIdle = rssMiB(usher.pid);
      const rssBareIdle = rssMiB(bare.pid);

      // 3. Accounts: one for /me, many for sign-in, one for the revocation rounds.
      log(`signing up ${SIGN_IN_ACCOUNTS + 1} accounts`);
      const tokens: string[] = [];
      for (let batch = 0; batch <= SIGN_IN_ACCOUNTS; batch += cores * 2) {
        const ids = Array.from({ length: Math.min(cores * 2, SIGN_IN_ACCOUNTS + 1 - batch) }, (_, k) => batch + k);
        tokens.push(...(await Promise.all(ids.map((i) => signUp(usher, i)))));
      }
      const meToken = tokens[0]!;
      const check = await api(usher, "GET", "/api/v1/me", { token: meToken });
      if (check.status !== 200) throw new Error(`GET /me answered ${check.status}`);
      // A dead token answers 200 too ({"active": false}): check that the token is live.
      const expectActive = async (client: ServiceClient, when: string) => {
        const answer = await introspect(usher, client, meToken);
        if (answer.status !== 200 || answer.json?.active !== true) {
          throw new Error(`POST /oauth/introspect ${when} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
        }
      };
      if (RUN_INTROSPECT) await expectActive(SERVICE.clients[0]!, "after the sign-ups");

      // 3b. Password-reset timing, known against unknown addresses, while nothing else runs:
      //     the accounts just signed up, and two sets of addresses of the same length that
      //     have none (the second one is the baseline).
      const known = Array.from({ length: SIGN_IN_ACCOUNTS + 1 }, (_, i) => emailOf(i));
      const unknown = known.map((email) => email.replace(/^bench-/, "ghost-"));
      const control = known.map((email) => email.replace(/^bench-/, "phant-"));
      const resetTiming: ResetTiming[] = [];
      for (const [k, method] of (["email", "sms"] as const).entries()) {
        log(
          `POST /api/v1/auth/password-reset (${method}): ${RESET_SAMPLES} known + 2 × ${RESET_SAMPLES} unknown addresses, one at a time, shuffled`,
        );
        const timing = await measureResetTiming(usher, databaseUrl, {
          method,
          known,
          unknown,
          control,
          samples: RESET_SAMPLES,
          warmup: RESET_WARMUP,
          seed: RESET_SEED + k,
        });
        resetTiming.push(timing);
        log(
          `${method}: median ${timing.knownMedian.toFixed(2)} ms known, ${timing.unknownMedian.toFixed(2)} ms unknown ` +
            `(ratio ${timing.ratio.toFixed(2)}), AUC ${timing.auc.toFixed(3)} (unknown against unknown: ${timing.baselineAuc.toFixed(3)})`,
        );
      }

      // 4. GET /me and POST /oauth/introspect at 32 connections, the same session token, runs
      //    interleaved with the bare baseline: each round is a bare run, a /me run, an introspection run.
      const phases = [RUN_ME && "GET /api/v1/me", RUN_INTROSPECT && "POST /oauth/introspect"].filter(Boolean).join(" and ");
      log(`${phases}: warm-up ${WARMUP} s each, then ${RUNS} × ${DURATION} s each, interleaved with the bare server`);
      const me: Run[] = [];
      const ceiling: Run[] = [];
      const introspection: Run[] = [];
      const bareRuns: Run[] = [];
      const barePostRuns: Run[] = [];
      const rssLoad: number[] = [];
      const rssBareLoad: number[] = [];
      if (RUN_ME || RUN_INTROSPECT) await loadMe(bare, meToken, WARMUP);
      if (RUN_ME) await loadMe(usher, meToken, WARMUP);
      if (RUN_ME) await loadCeiling(usher, meToken, WARMUP);
      if (RUN_INTROSPECT) await loadIntrospect(usher, SERVICE.clients[0]!, meToken, WARMUP);
      const meCpu: CpuUse[] = [];
      const ceilingCpu: CpuUse[] = [];
      const introspectionCpu: CpuUse[] = [];
      const bareCpu: CpuUse[] = [];
      // Statements per request, from PostgreSQL's own count. A backend reports its counts
      // when it has been idle for 10 s, hence the pauses around the first measured runs.
      const stats = new pg.Client({ connectionString: databaseUrl });
      await stats.connect();
      let statementsPerRequest = NaN;
      let statementsPerIntrospection = NaN;
      try {
        for (let run = 0; run < (RUN_ME || RUN_INTROSPECT ? RUNS : 0); run++) {
          const bareSampler = sampleRss(bare.pid);
          const [bareRun, bareUse] = await withCpu(bare.pid, dbName, () => loadMe(bare, meToken, DURATION));
          bareRuns.push(bareRun);
          bareCpu.push(bareUse);
          rssBareLoad.push(bareSampler.stop());
          if (run === 0) await sleep(Math.max(0, 11_000 - DURATION * 1000));
          if (RUN_ME) {
            const before = run === 0 ? await committedStatements(stats, dbName) : 0;
            const sampler = sampleRss(usher.pid);
            const [meRun, meUse] = await withCpu(usher.pid, dbName, () => loadMe(usher, meToken, DURATION));
            me.push(meRun);
            meCpu.push(meUse);
            rssLoad.push(sampler.stop());
            if (run === 0) {
              await sleep(11_000);
              // minus the one statement this count itself is
              statementsPerRequest = (await committedStatements(stats, dbName)) - before - 1;
              statementsPerRequest /= meRun.ok + meRun.non2xx;
            }
            // The ceiling: the same app answering a constant, right after.
            const [ceilingRun, ceilingUse] = await withCpu(usher.pid, dbName, () => loadCeiling(usher, meToken, DURATION));
            ceiling.push(ceilingRun);
            ceilingCpu.push(ceilingUse);
            log(
              `run ${run + 1}: usher /me ${meRun.rps.toFixed(0)} req/s, /livez ${ceilingRun.rps.toFixed(0)} req/s, bare ${bareRun.rps.toFixed(0)} req/s`,
            );
          }
          if (RUN_INTROSPECT) {
            // The like-for-like baseline: the bare server given the same form post.
            const barePost = await loadIntrospect(bare, SERVICE.clients[0]!, meToken, DURATION);
            barePostRuns.push(barePost);
            const client = SERVICE.clients[run + 1]!;
            await expectActive(client, `before run ${run + 1}`);
            const before = run === 0 ? await committedStatements(stats, dbName) : 0;
            const [introspectRun, introspectUse] = await withCpu(usher.pid, dbName, () => loadIntrospect(usher, client, meToken, DURATION));
            introspection.push(introspectRun);
            introspectionCpu.push(introspectUse);
            if (run === 0) {
              await sleep(11_000);
              // minus the one statement this count itself is
              statementsPerIntrospection = (await committedStatements(stats, dbName)) - before - 1;
              statementsPerIntrospection /= introspectRun.ok + introspectRun.non2xx;
            }
            await expectActive(client, `after run ${run + 1}`);
            log(
              `run ${run + 1}: usher introspection ${introspectRun.rps.toFixed(0)} req/s ` +
                `(${introspectRun.non2xx} non-2xx, ${introspectRun.errors} errors), bare form posts ${barePost.rps.toFixed(0)} req/s`,
            );
          }
        }
      } finally {
        await stats.end();
      }
      // 4b. Heartbeats against the same bare server, then the statements a heartbeat costs.
      const heartbeatRun = RUN_STREAMS
        ? await timed(() =>
            heartbeats(usher, bare, dbName, databaseUrl, (name, url) => startUsher(name, url, secretKey, sink.ports, false)),
          )
        : undefined;
      await stopProcess(bare.child);

      // 5. Sign-in at 16 connections over many accounts.
      log(`sign-in: warm-up 2 s, then ${RUNS} × ${DURATION} s at 16 connections over ${SIGN_IN_ACCOUNTS} accounts`);
      if (RUN_SIGN_IN) await loadSignIn(usher, SIGN_IN_ACCOUNTS, 2);
      const signInRuns: Run[] = [];
      const signInCpu: CpuUse[] = [];
      for (let run = 0; run < (RUN_SIGN_IN ? RUNS : 0); run++) {
        // The hashing limit again, right before each run, so that both see the same machine.
        argon2.push(await measureArgon2());
        const [signInRun, signInUse] = await withCpu(usher.pid, dbName, () => loadSignIn(usher, SIGN_IN_ACCOUNTS, DURATION));
        signInRuns.push(signInRun);
        signInCpu.push(signInUse);
        const last = signInRuns.at(-1)!;
        log(`run ${run + 1}: ${last.rps.toFixed(1)} sign-ins/s (${last.non2xx} non-2xx, ${last.errors} errors)`);
      }
      const rssAfter = rssMiB(usher.pid);
      // 5a. The statements a sign-in costs, on a counted node of its own.
      const signInStatements = RUN_SIGN_IN
        ? await countSignInStatements(databaseUrl, SIGN_IN_ACCOUNTS, (name, url) => startUsher(name, url, secretKey, sink.ports, false))
        : undefined;

      // 5b. The cached session verifier on a protected route, on this node alone.
      const verifierRouteRun = RUN_VERIFIER ? await timed(() => verifierRoute(usher, dbName)) : undefined;

      // 6. Sign-out-all → refusal, on this one node: from the sign-out-all response to the
      //    first answer to another device's next request. It must be a 401, at once.
      // 6. Revocation across nodes: two more nodes on the same database, after the loads so
      //    that they take nothing from them.
      const others = [];
      for (let n = 2; n <= NODES; n++) others.push(await startUsher(`usher-${n}`, databaseUrl, secretKey, sink.ports, false));
      const nodes = [usher, ...others];
      let refusal: ClusterRefusal;
      let notices: LiveNotices;
      let verifierSignOutRun: [SignOutAllLatency, number] | undefined;
      let heartbeatRefusalRun: [HeartbeatRefusal, number] | undefined;
      try {
        log(`sign-out-all → last of ${NODES} nodes refusing: ${REVOCATION_ROUNDS} rounds of 5 devices`);
        refusal = await measureClusterRefusal(nodes, SIGN_IN_ACCOUNTS + 1, REVOCATION_ROUNDS);
        log(`live notices: ${NOTICE_ACCOUNTS} accounts × ${SCREENS_PER_ACCOUNT} open screens over ${NODES} nodes`);
        notices = await measureLiveNotices(nodes, SIGN_IN_ACCOUNTS + 1 + REVOCATION_ROUNDS, NOTICE_ACCOUNTS, SCREENS_PER_ACCOUNT);
        // 6a. Sign-out-all against devices heartbeating on every node.
        if (RUN_STREAMS) heartbeatRefusalRun = await timed(() => heartbeatRefusal(nodes));
        // 6b. The sign-out-all answer with and without subscribed verifiers, on the same nodes.
        if (RUN_VERIFIER) verifierSignOutRun = await timed(() => verifierSignOut(nodes));
      } finally {
        for (const node of others) await stopProcess(node.child);
      }
      // 7. The verifier's memory, in a child process of its own, while the node idles.
      const verifierMemoryRun = RUN_VERIFIER ? await timed(verifierMemory) : undefined;
      // 8. Page loads in Chromium over a throttled connection, on this node, while nothing else runs.
      const pages = RUN_PAGES ? await pageLoads(usher) : undefined;
      const verifier: VerifierFigures | undefined =
        verifierRouteRun && verifierSignOutRun && verifierMemoryRun
          ? {
              route: verifierRouteRun[0],
              signOut: verifierSignOutRun[0],
              memory: verifierMemoryRun[0],
              seconds: { route: verifierRouteRun[1], signOut: verifierSignOutRun[1], memory: verifierMemoryRun[1] },
            }
          : undefined;
      const streams: StreamFigures | undefined =
        heartbeatRun && heartbeatRefusalRun
          ? {
              ...heartbeatRun[0],
              refusal: heartbeatRefusalRun[0],
              seconds: { load: heartbeatRun[1], refusal: heartbeatRefusalRun[1] },
            }
          : undefined;

      const figures: Figures = {
        argon2,
        loadBefore,
        loadAfter: loadavg(),
        me,
        ceiling,
        introspection,
        bare: bareRuns,
        barePost: barePostRuns,
        signIn: signInRuns,
        meCpu,
        ceilingCpu,
        introspectionCpu,
        bareCpu,
        signInCpu,
        ...(signInStatements ? { signInStatements } : {}),
        statementsPerRequest,
        statementsPerIntrospection,
        footprint: { start, command: serverCommand(usher.pid), rssIdle, rssBareIdle, rssLoad, rssBareLoad },
        rssAfter,
        nodes: NODES,
        refusal,
        notices,
        resetTiming,
        ...(verifier ? { verifier } : {}),
        ...(streams ? { streams } : {}),
        ...(pages ? { pages } : {}),
        runs: RUNS,
        duration: DURATION,
        postgresVersion,
        started: startedAt,
        finished: new Date(),
      };
      writeReport(report(figures));
    } finally {
      await stopProcess(bare.child);
      await stopProcess(usher.child);
      await stopProcess(sink.node.child);
    }
  } finally {
    log(`dropping database ${dbName}`);
    await adminQuery(`drop database if exists ${dbName} with (force)`);
  }
}

process.once("SIGINT", () => {
  stopAll();
  process.exit(130);
});

main().catch((error: unknown) => {
  stopAll();
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
