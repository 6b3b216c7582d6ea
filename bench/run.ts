// `npm run bench`: the figures of issue 4 "Benchmarks", measured on PostgreSQL against the
// real server process, each next to a baseline taken in the same run. Writes
// bench/results/latest.md and prints it. Bounded: about 3 minutes on a 2-core machine.
//
// Options (environment):
//   TEST_POSTGRES_URL  admin URL of the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION     seconds per measured run (default 10)
//   BENCH_RUNS         measured runs per figure (default 3)
//   BENCH_CPU_PROF=1   run the server under `node --cpu-prof` (profile lands in bench/results/profile/;
//                      summarise it with `tsx bench/profile-summary.ts`). Slows the server: figures
//                      from such a run are not comparable.
//   BENCH_ONLY=me|sign-in  run only that load phase (for profiling)
import autocannon, { type Result } from "autocannon";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(root, "bench", "results");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP = 3;
const CPU_PROF = process.env.BENCH_CPU_PROF === "1";
/** For profiling one phase: "me" or "sign-in" skips the other load phase (the report then lacks its figures). */
const ONLY = process.env.BENCH_ONLY;
const PASSWORD = "violet-kettle-harbour-42";
const SIGN_IN_ACCOUNTS = 120;
const REVOCATION_ROUNDS = 15;
const cores = availableParallelism();

// ---------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

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

/** Resident set size of a process in MiB, from /proc/<pid>/status. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples a process's RSS every 100 ms until stopped; answers the maximum seen. */
function sampleRss(pid: number): { stop(): number } {
  let max = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      max = Math.max(max, rssMiB(pid));
    } catch {
      // the process is gone; keep what we have
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return max;
    },
  };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each PostgreSQL backend serving `database` (found by its process title). */
function postgresCpu(database: string): Map<number, number> {
  const use = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.includes(` ${database} `)) use.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return use;
}

/** CPU seconds the backends of `database` used between two snapshots (a backend that ended meanwhile is missed). */
function postgresCpuSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu(database)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0) / 100;
  const idle = ((fields[3] ?? 0) + (fields[4] ?? 0)) / 100;
  return { busy: total - idle, total };
}

interface CpuUse {
  /** Shares of one core during the run. */
  server: number;
  postgres: number;
  /** Share of all cores busy (anything: includes the load generator and other work on the machine). */
  machine: number;
}

/** Measures who used the CPU while `work` ran. */
async function withCpu<T>(pid: number, database: string, work: () => Promise<T>): Promise<[T, CpuUse]> {
  const t0 = performance.now();
  const server0 = cpuSeconds(pid);
  const pg0 = postgresCpu(database);
  const machine0 = machineCpu();
  const result = await work();
  const wall = (performance.now() - t0) / 1000;
  const machine1 = machineCpu();
  return [
    result,
    {
      server: (cpuSeconds(pid) - server0) / wall,
      postgres: postgresCpuSince(database, pg0) / wall,
      machine: (machine1.busy - machine0.busy) / (machine1.total - machine0.total),
    },
  ];
}

/** Statements committed in a database so far (each autocommitted statement is one). */
async function committedStatements(client: pg.Client, database: string): Promise<number> {
  const result = await client.query("select xact_commit from pg_stat_database where datname = $1", [database]);
  return Number(result.rows[0].xact_commit);
}

// ---------------------------------------------------------------------------------------
// Processes: every one we start is remembered and ended by its PID.

const started = new Set<ChildProcess>();

interface Node {
  child: ChildProcess;
  pid: number;
  url: string;
}

async function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, readyLine: RegExp, port: number): Promise<Node> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`));
    });
  });
  // Keep draining its output so a chatty process never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text) log(`${name}: ${text.slice(0, 500)}`);
  });
  return { child, pid: child.pid!, url: `http://127.0.0.1:${port}` };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout" as const);
  if ((await Promise.race([exited, timeout])) === "timeout" && child.exitCode === null) {
    process.kill(child.pid, "SIGKILL");
    await exited;
  }
}

/** The baseline: a bare Node `http` server answering a constant JSON body, one process. */
const BARE_SERVER = `
const http = require("node:http");
const body = JSON.stringify({ account: { id: "acc_0123456789", email: "bench@example.com" }, session: { id: "0123456789abcdefghijkl", deviceKind: "mobile", deviceName: "Bench" }, profile: null });
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
`;

/** One argon2id verification at the OWASP parameters, timed in a process of its own. */
const ARGON2_PROBE = `
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

async function measureArgon2(): Promise<{ medianMs: number; times: number[]; parallelPerSecond: number }> {
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

// ---------------------------------------------------------------------------------------
// The Usher API as a phone app speaks it

async function api(
  node: Node,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; ip?: string } = {},
): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ip) headers["x-forwarded-for"] = options.ip;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** A distinct client address for every request that needs one (the server trusts X-Forwarded-For). */
function ipFor(block: number, i: number): string {
  return `10.${block}.${(i >> 8) & 255}.${i & 255}`;
}

const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const emailOf = (i: number) => `bench-${runId}-${i}@example.com`;

async function signUp(node: Node, i: number): Promise<string> {
  const response = await api(node, "POST", "/api/v1/auth/sign-up", {
    ip: ipFor(200, i),
    body: { email: emailOf(i), password: PASSWORD, client: { kind: "mobile", name: "Bench phone" } },
  });
  if (response.status !== 201 || typeof response.json?.token !== "string") {
    throw new Error(`sign-up ${i} answered ${response.status}: ${JSON.stringify(response.json)}`);
  }
  return response.json.token as string;
}

let signInIp = 0;
async function signIn(node: Node, i: number): Promise<string> {
  const response = await api(node, "POST", "/api/v1/auth/sign-in", {
    ip: ipFor(201, signInIp++),
    body: { email: emailOf(i), password: PASSWORD, client: { kind: "mobile", name: "Bench phone" } },
  });
  if (response.status !== 200 || typeof response.json?.token !== "string") {
    throw new Error(`sign-in ${i} answered ${response.status}: ${JSON.stringify(response.json)}`);
  }
  return response.json.token as string;
}

// ---------------------------------------------------------------------------------------
// Load

interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

function summarise(result: Result): Run {
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

async function loadMe(node: Node, token: string, duration: number): Promise<Run> {
  return summarise(
    await autocannon({
      url: `${node.url}/api/v1/me`,
      connections: 32,
      duration,
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

let signInCounter = 0;
async function loadSignIn(node: Node, accounts: number, duration: number): Promise<Run> {
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

// ---------------------------------------------------------------------------------------
// The run

type Argon2Probe = Awaited<ReturnType<typeof measureArgon2>>;

interface Figures {
  /** The first probe, taken before any server starts, then one right before each sign-in run. */
  argon2: Argon2Probe[];
  loadBefore: number[];
  loadAfter: number[];
  me: Run[];
  bare: Run[];
  signIn: Run[];
  meCpu: CpuUse[];
  bareCpu: CpuUse[];
  signInCpu: CpuUse[];
  statementsPerRequest: number;
  rssIdle: number;
  rssBareIdle: number;
  rssLoad: number[];
  rssBareLoad: number[];
  rssAfter: number;
  refusal: { ms: number[]; staleAccepts: number } | null;
  postgresVersion: string;
  started: Date;
  finished: Date;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg();
  const dbName = `usher_bench_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  log(`creating database ${dbName}`);
  await adminQuery(`create database ${dbName}`);
  const databaseUrl = withDatabase(adminUrl, dbName);
  try {
    const versionClient = new pg.Client({ connectionString: databaseUrl });
    await versionClient.connect();
    const postgresVersion = String((await versionClient.query("show server_version")).rows[0].server_version);
    await versionClient.end();

    // 1. The hashing limit, measured first while nothing else runs.
    log("timing argon2id verifications (m=19456, t=2, p=1) in a child process");
    const argon2 = [await measureArgon2()];
    log(`one verification: median ${argon2[0]!.medianMs.toFixed(1)} ms`);

    // 2. The server under test and the baseline, one process each.
    const usherPort = await freePort();
    const barePort = await freePort();
    const usher = await startProcess(
      "usher",
      [...(CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", join(resultsDir, "profile")] : []), "--import", "tsx", "src/cli/main.ts", "serve"],
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SECRET_KEY: randomBytes(32).toString("base64"),
        PORT: String(usherPort),
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://localhost:${usherPort}`,
        LOG_LEVEL: "warn",
        TRUST_PROXY: "true",
        NODE_ENV: "production",
        // Production mode must be able to deliver; the benchmark sends nothing (port 9: discard).
        SMTP_URL: "smtp://127.0.0.1:9",
        SMS_PROVIDER: "webhook",
        SMS_WEBHOOK_URL: "http://127.0.0.1:9/sms",
        SMS_WEBHOOK_SECRET: "bench",
      },
      /Usher is running/,
      usherPort,
    );
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

      // 4. GET /me at 32 connections, runs interleaved with the bare baseline.
      log(`GET /api/v1/me: warm-up ${WARMUP} s each, then ${RUNS} × ${DURATION} s each, interleaved with the bare server`);
      const me: Run[] = [];
      const bareRuns: Run[] = [];
      const rssLoad: number[] = [];
      const rssBareLoad: number[] = [];
      if (ONLY !== "sign-in") {
        await loadMe(bare, meToken, WARMUP);
        await loadMe(usher, meToken, WARMUP);
      }
      const meCpu: CpuUse[] = [];
      const bareCpu: CpuUse[] = [];
      // Statements per /me request, from PostgreSQL's own count. A backend reports its counts
      // when it has been idle for 10 s, hence the pauses around the first measured run.
      const stats = new pg.Client({ connectionString: databaseUrl });
      await stats.connect();
      let statementsPerRequest = NaN;
      try {
        for (let run = 0; run < (ONLY === "sign-in" ? 0 : RUNS); run++) {
          const bareSampler = sampleRss(bare.pid);
          const [bareRun, bareUse] = await withCpu(bare.pid, dbName, () => loadMe(bare, meToken, DURATION));
          bareRuns.push(bareRun);
          bareCpu.push(bareUse);
          rssBareLoad.push(bareSampler.stop());
          if (run === 0) await sleep(Math.max(0, 11_000 - DURATION * 1000));
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
          log(`run ${run + 1}: usher ${meRun.rps.toFixed(0)} req/s, bare ${bareRun.rps.toFixed(0)} req/s`);
        }
      } finally {
        await stats.end();
      }
      await stopProcess(bare.child);

      // 5. Sign-in at 16 connections over many accounts.
      log(`sign-in: warm-up 2 s, then ${RUNS} × ${DURATION} s at 16 connections over ${SIGN_IN_ACCOUNTS} accounts`);
      if (ONLY !== "me") await loadSignIn(usher, SIGN_IN_ACCOUNTS, 2);
      const signInRuns: Run[] = [];
      const signInCpu: CpuUse[] = [];
      for (let run = 0; run < (ONLY === "me" ? 0 : RUNS); run++) {
        // The hashing limit again, right before each run, so that both see the same machine.
        argon2.push(await measureArgon2());
        const [signInRun, signInUse] = await withCpu(usher.pid, dbName, () => loadSignIn(usher, SIGN_IN_ACCOUNTS, DURATION));
        signInRuns.push(signInRun);
        signInCpu.push(signInUse);
        const last = signInRuns.at(-1)!;
        log(`run ${run + 1}: ${last.rps.toFixed(1)} sign-ins/s (${last.non2xx} non-2xx, ${last.errors} errors)`);
      }
      const rssAfter = rssMiB(usher.pid);

      // 6. Sign-out-all → refusal, on this one node: from the sign-out-all response to the
      //    first answer to another device's next request. It must be a 401, at once.
      log(`sign-out-all → refusal: ${REVOCATION_ROUNDS} rounds`);
      const revokedAccount = SIGN_IN_ACCOUNTS;
      const refusalMs: number[] = [];
      let staleAccepts = 0;
      for (let round = 0; round < REVOCATION_ROUNDS; round++) {
        const [here, other] = await Promise.all([signIn(usher, revokedAccount), signIn(usher, revokedAccount)]);
        if ((await api(usher, "GET", "/api/v1/me", { token: other })).status !== 200) throw new Error("fresh session refused");
        const out = await api(usher, "POST", "/api/v1/sessions/sign-out-all", { token: here });
        if (out.status !== 200) throw new Error(`sign-out-all answered ${out.status}: ${JSON.stringify(out.json)}`);
        const t0 = performance.now();
        let status = 200;
        while (status === 200) {
          status = (await api(usher, "GET", "/api/v1/me", { token: other })).status;
          if (status === 200) staleAccepts++;
          if (performance.now() - t0 > 5000) break;
        }
        refusalMs.push(performance.now() - t0);
      }

      const figures: Figures = {
        argon2,
        loadBefore,
        loadAfter: loadavg(),
        me,
        bare: bareRuns,
        signIn: signInRuns,
        meCpu,
        bareCpu,
        signInCpu,
        statementsPerRequest,
        rssIdle,
        rssBareIdle,
        rssLoad,
        rssBareLoad,
        rssAfter,
        refusal: { ms: refusalMs, staleAccepts },
        postgresVersion,
        started: startedAt,
        finished: new Date(),
      };
      const markdown = report(figures);
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(join(resultsDir, "latest.md"), markdown);
      process.stdout.write(markdown);
    } finally {
      await stopProcess(bare.child);
      await stopProcess(usher.child);
    }
  } finally {
    log(`dropping database ${dbName}`);
    await adminQuery(`drop database if exists ${dbName} with (force)`);
  }
}

// ---------------------------------------------------------------------------------------
// The report

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const met = (ok: boolean) => (ok ? "yes" : "**no**");

function gitCommit(): string {
  try {
    const head = readFileSync(join(root, ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 10);
    const ref = head.slice(5);
    const refFile = join(root, ".git", ref);
    if (existsSync(refFile)) return readFileSync(refFile, "utf8").trim().slice(0, 10);
    const packed = readFileSync(join(root, ".git", "packed-refs"), "utf8");
    return packed.split("\n").find((line) => line.endsWith(` ${ref}`))?.slice(0, 10) ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Whether the measured code differs from the commit (uncommitted changes under src/). */
function sourceDirty(): boolean {
  try {
    return execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: root, encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
}

function report(f: Figures): string {
  const meRps = median(f.me.map((r) => r.rps));
  const bareRps = median(f.bare.map((r) => r.rps));
  // Each /me run is paired with the bare run just before it, each sign-in run with the
  // argon2 probe just before it: the machine is shared, so pairs see the same conditions.
  const meRatios = f.me.map((r, i) => r.rps / f.bare[i]!.rps);
  const meRatio = median(meRatios);
  const meP50 = median(f.me.map((r) => r.p50));
  const meP99 = median(f.me.map((r) => r.p99));
  const bareP50 = median(f.bare.map((r) => r.p50));
  const bareP99 = median(f.bare.map((r) => r.p99));
  const signIns = median(f.signIn.map((r) => r.rps));
  const verifyMs = median(f.argon2.map((probe) => probe.medianMs));
  const hashLimit = cores / (verifyMs / 1000);
  const signInShares = f.signIn.map((r, i) => r.rps / (cores / (f.argon2[i + 1]!.medianMs / 1000)));
  const signInShare = median(signInShares);
  const signInVsProbe = median(f.signIn.map((r, i) => r.rps / f.argon2[i + 1]!.parallelPerSecond));
  const rssLoad = Math.max(...f.rssLoad);
  const rssBareLoad = Math.max(...f.rssBareLoad);
  const refusalMedian = f.refusal ? median(f.refusal.ms) : NaN;
  const refusalMax = f.refusal ? Math.max(...f.refusal.ms) : NaN;

  const rows = [
    ["figure", "median", "baseline", "ratio", "target", "met?"],
    ["---", "---:", "---:", "---:", "---:", ":---:"],
    [
      "`GET /api/v1/me`, 32 connections: requests/s (ratio: median of the per-run ratios)",
      f0(meRps),
      `${f0(bareRps)} (bare Node \`http\`, constant JSON)`,
      pct(meRatio),
      "≥ 15%",
      met(meRatio >= 0.15),
    ],
    [
      "`GET /api/v1/me`: ratio of the medians (for reference)",
      f0(meRps),
      f0(bareRps),
      pct(meRps / bareRps),
      "≥ 15%",
      met(meRps / bareRps >= 0.15),
    ],
    ["`GET /api/v1/me`: latency p50", `${f1(meP50)} ms`, `${f1(bareP50)} ms`, `${f1(meP50 / Math.max(bareP50, 0.1))}×`, "–", "–"],
    ["`GET /api/v1/me`: latency p99", `${f1(meP99)} ms`, `${f1(bareP99)} ms`, `${f1(meP99 / Math.max(bareP99, 0.1))}×`, "–", "–"],
    [
      "sign-in (`POST /api/v1/auth/sign-in`, bearer), 16 connections: sign-ins/s (share: median of the per-run shares)",
      f1(signIns),
      `${f1(hashLimit)} (hashing limit: ${cores} cores ÷ ${f1(verifyMs)} ms per argon2id verification)`,
      pct(signInShare),
      "≥ 85%",
      met(signInShare >= 0.85),
    ],
    [
      "sign-ins/s against the hashing throughput the probe actually got from the machine (for reference)",
      f1(signIns),
      `${f1(median(f.argon2.slice(1).map((p) => p.parallelPerSecond)))} (${cores} concurrent verifications in the probe)`,
      pct(signInVsProbe),
      "–",
      "–",
    ],
    [
      "sign-out-all → first request refused, one node",
      `${f1(refusalMedian)} ms (max ${f1(refusalMax)} ms, ${f.refusal?.staleAccepts ?? "?"} stale accepts)`,
      "–",
      "–",
      "next request",
      met((f.refusal?.staleAccepts ?? 1) === 0),
    ],
    ["sign-out-all → last node refusing (cluster)", "_measured by the cluster test_", "–", "–", "next request", "–"],
    ["live sign-out notice delay, p99", "_measured with the live sign-out work_", "–", "–", "< 1 s", "–"],
    ["resident memory (RSS), idle after start", `${f0(f.rssIdle)} MiB`, `${f0(f.rssBareIdle)} MiB (bare)`, "–", "–", "–"],
    ["resident memory (RSS), max under the `/me` load", `${f0(rssLoad)} MiB`, `${f0(rssBareLoad)} MiB (bare)`, "–", "–", "–"],
  ];
  const table = rows.map((row) => `| ${row.join(" | ")} |`).join("\n");

  const missed: string[] = [];
  if (meRatio < 0.15) {
    missed.push(
      `- \`GET /me\` reaches ${pct(meRatio)} of the bare server, ${f1((0.15 - meRatio) * 100)} points short of 15% ` +
        `(it needs ${f0(0.15 * bareRps)} requests/s, ${f1((0.15 * bareRps) / meRps)}× what it does).`,
    );
  }
  if (signInShare < 0.85) {
    missed.push(
      `- Sign-in reaches ${pct(signInShare)} of the hashing limit, ${f1((0.85 - signInShare) * 100)} points short of 85% ` +
        `(it needs ${f1(0.85 * hashLimit)} sign-ins/s).`,
    );
  }

  const runRows = (name: string, runs: Run[], unit: string) =>
    runs.map(
      (r, i) =>
        `| ${name} | ${i + 1} | ${f1(r.rps)} ${unit} | ${f1(r.p50)} ms | ${f1(r.p99)} ms | ${r.ok} | ${r.non2xx} | ${r.errors} |`,
    );

  const notesFile = join(root, "bench", "notes.md");
  const notes = existsSync(notesFile) ? readFileSync(notesFile, "utf8").trim() : "";

  return [
    "# Usher benchmarks",
    "",
    `Run \`npm run bench\` — ${f.started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${gitCommit()}${sourceDirty() ? " with uncommitted changes under src/" : ""}, ` +
      `Node ${process.version}, ${cores} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), PostgreSQL ${f.postgresVersion}, ` +
      `took ${f0((f.finished.getTime() - f.started.getTime()) / 1000)} s; load average ${f.loadBefore.map(f1).join(" / ")} before, ` +
      `${f.loadAfter.map(f1).join(" / ")} after (anything above ${cores} means other work shared the cores).`,
    "",
    `One Usher process (\`tsx src/cli/main.ts serve\`, PostgreSQL, default OWASP argon2id m=19456 t=2 p=1, LOG_LEVEL=warn) ` +
      `and one bare Node \`http\` process; autocannon runs in the bench process on the same machine. ` +
      `Each figure is the median of ${RUNS} runs of ${DURATION} s (after a warm-up); baselines are measured in the same run: ` +
      `each /me run right after a bare-server run, each sign-in run right after an argon2id probe, and the ratios are ` +
      `the medians of those per-run pairs. Requests/s count 2xx answers only. On a 2-core machine the load generator, ` +
      `the server and PostgreSQL share the cores, so absolute numbers are noisy; the ratios are the figures to watch.`,
    "",
    table,
    "",
    ...(missed.length ? ["**Targets missed:**", "", ...missed, ""] : ["All measured targets met.", ""]),
    ...(notes ? [notes, ""] : []),
    "<details><summary>Every run</summary>",
    "",
    "| figure | run | rate | p50 | p99 | 2xx | non-2xx | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runRows("bare `http`", f.bare, "req/s"),
    ...runRows("`GET /me`", f.me, "req/s"),
    ...runRows("sign-in", f.signIn, "/s"),
    "",
    `- argon2id verification probes (20 sequential verifications each, in a child process; the first before any server started, ` +
      `then one before each sign-in run): medians ${f.argon2.map((p) => f1(p.medianMs)).join(", ")} ms; ` +
      `${cores} concurrent verifications in the probe reached ${f.argon2.map((p) => f1(p.parallelPerSecond)).join(", ")}/s.`,
    `- RSS per /me run (MiB): usher ${f.rssLoad.map(f0).join(", ")}; bare ${f.rssBareLoad.map(f0).join(", ")}; usher after the sign-in runs ${f0(f.rssAfter)}.`,
    ...(
      [
        ["bare `http`", f.bareCpu, f.bare],
        ["`GET /me`", f.meCpu, f.me],
        ["sign-in", f.signInCpu, f.signIn],
      ] as const
    ).map(([name, uses, runs]) => {
      const server = median(uses.map((u) => u.server));
      const postgres = median(uses.map((u) => u.postgres));
      const rate = median(runs.map((r) => r.rps));
      return (
        `- CPU during the ${name} runs (medians): server process ${pct(server)} of one core (all its threads), ` +
        `PostgreSQL (the bench database's backends) ${pct(postgres)} of one core, machine ${pct(median(uses.map((u) => u.machine)))} of all ${cores} cores busy; ` +
        `per answered request ≈ ${(server / rate * 1000).toFixed(2)} ms of server CPU + ${(postgres / rate * 1000).toFixed(2)} ms of PostgreSQL CPU.`
      );
    }),
    `- PostgreSQL statements per \`GET /me\` (xact_commit over the first run ÷ its requests): ${f1(f.statementsPerRequest)}.`,
    f.refusal ? `- Sign-out-all → refusal rounds (ms): ${f.refusal.ms.map(f1).join(", ")}.` : "",
    "",
    "",
    "</details>",
    "",
  ].join("\n");
}

const stopAll = () => {
  for (const child of started) if (child.pid && child.exitCode === null) process.kill(child.pid, "SIGTERM");
};
process.once("SIGINT", () => {
  stopAll();
  process.exit(130);
});

main().catch((error: unknown) => {
  stopAll();
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
