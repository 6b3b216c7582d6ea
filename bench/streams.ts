// Watching under load and across nodes:
// - heartbeat throughput (`POST /api/v1/streams/:id/heartbeat`) at 32 connections, each request on
//   one of 32 streams of 32 accounts, against the bare Node server given the same requests, runs interleaved;
// - the PostgreSQL statements and transactions one heartbeat costs, counted on the wire between a
//   node of its own and the database (bench/support/pg-wire-counter.ts), and, for reference, how
//   many single-row updates PostgreSQL alone commits a second over as many connections as a node's pool;
// - sign-out-all against heartbeats in tight loops on three nodes: how long until every node
//   refuses every device's heartbeat, and that none sent after the answer is accepted.
import autocannon, { type RequestSpec } from "autocannon";
import pg from "pg";
import { type Run, summarise } from "./load";
import { log, sleep } from "./support/common";
import { type CpuUse, withCpu } from "./support/measure";
import { freePort, type Node, startProcess, stopProcess } from "./support/processes";
import { api, signIn, signUp } from "./support/usher-api";

const CONNECTIONS = 32;
/** Heartbeats sent one at a time to count a lone heartbeat's statements, with no other request to share a lookup with. */
const ONE_AT_A_TIME = 200;
/** How long the counted node is left alone to learn its background statement rate, in ms. */
const IDLE_MS = 2_000;
/** Devices of the account in each refusal round: Premium's four screens, one stream each. */
const DEVICES = 4;
/** Seconds of the commit-ceiling probe at a node's pool size. */
const COMMIT_SECONDS = 3;
/** Heartbeat loops that have not seen a refusal this long after the answer stop and count as missed. */
const REFUSAL_WAIT_MS = 5_000;
/** How long the loops run, each served at least once, before the sign-out. */
const STEADY_MS = 200;

/** A stream a device started, and the bearer token that heartbeats it. */
export interface OpenStream {
  id: string;
  token: string;
}

export interface HeartbeatLoad {
  streams: number;
  connections: number;
  duration: number;
  /** One run per round: the bare server, then the Usher node, given the same requests. */
  runs: Run[];
  bare: Run[];
  cpu: CpuUse[];
  bareCpu: CpuUse[];
}

/** What a heartbeat costs PostgreSQL, counted on the wire, the node's background work taken out. */
export interface HeartbeatStatements {
  /** Statements and transactions a second while the counted node served nothing. */
  idle: { statements: number; transactions: number };
  oneAtATime: { heartbeats: number; statements: number; transactions: number; refused: number };
  concurrent: { heartbeats: number; statements: number; transactions: number; run: Run };
}

export interface HeartbeatRefusal {
  nodes: number;
  devices: number;
  /**
   * Per round: from the sign-out-all answer to the last of the nodes refusing a heartbeat, a node's
   * time being that of the first refusal it answered once the sign-out was sent (0 when before the answer).
   */
  ms: number[];
  perNodeMs: number[][];
  /** Per round: from the answer to the last refusal of a heartbeat sent after it, over every device on every node. */
  everyDeviceMs: number[];
  /** Heartbeats sent after the answer arrived, and how many of them were still accepted (must be 0). */
  afterAnswer: number;
  staleAccepts: number;
  /** Heartbeats sent before the answer arrived and accepted after it (in flight while it committed). */
  inFlightAccepts: number;
  /** Loops that saw no refusal within the wait. */
  missed: number;
  heartbeats: number;
  /** How the first heartbeats sent after the answer were refused, by status. */
  refusals: Record<string, number>;
}

/** PostgreSQL alone: single-row updates, each committed on its own, on a scratch table of the bench database. */
export interface CommitCeiling {
  connections: number;
  updatesPerSecond: number;
  /** One update after another on one connection: the round trip of a commit. */
  oneAtATimeMs: number;
}

export interface StreamFigures {
  load: HeartbeatLoad;
  statements: HeartbeatStatements;
  commits: CommitCeiling;
  refusal: HeartbeatRefusal;
  /** Wall time of each part, starting its processes and making its accounts included. */
  seconds: { load: number; refusal: number };
}

async function titleIds(node: Node): Promise<string[]> {
  const answer = await api(node, "GET", "/api/v1/titles");
  const titles = answer.json?.titles as { id: string; forKids: boolean }[] | undefined;
  if (answer.status !== 200 || !titles?.length) throw new Error(`GET /api/v1/titles answered ${answer.status}`);
  return titles.map((title) => title.id);
}

async function startStream(node: Node, token: string, titleId: string): Promise<string> {
  const answer = await api(node, "POST", "/api/v1/streams", { token, body: { titleId } });
  const stream = answer.json?.stream as { id?: string } | undefined;
  if (answer.status !== 201 || typeof stream?.id !== "string") {
    throw new Error(`POST /api/v1/streams answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  }
  return stream.id;
}

async function heartbeat(node: Node, stream: OpenStream): Promise<number> {
  const response = await fetch(`${node.url}/api/v1/streams/${stream.id}/heartbeat`, {
    method: "POST",
    headers: { authorization: `Bearer ${stream.token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

async function expectHeartbeats(node: Node, streams: OpenStream[], when: string): Promise<void> {
  const statuses = await Promise.all(streams.map((stream) => heartbeat(node, stream)));
  const refused = statuses.filter((status) => status !== 200);
  if (refused.length) throw new Error(`${refused.length} of ${streams.length} heartbeats ${when} refused (${refused.join(", ")})`);
}

/** `count` new accounts, each signed up on `node` with a phone app that starts one stream. */
export async function openStreams(node: Node, firstAccount: number, count: number, batch: number): Promise<OpenStream[]> {
  const titles = await titleIds(node);
  const streams: OpenStream[] = [];
  for (let from = 0; from < count; from += batch) {
    const accounts = Array.from({ length: Math.min(batch, count - from) }, (_, k) => from + k);
    streams.push(
      ...(await Promise.all(
        accounts.map(async (i) => {
          const token = await signUp(node, firstAccount + i);
          return { token, id: await startStream(node, token, titles[i % titles.length]!) };
        }),
      )),
    );
  }
  await expectHeartbeats(node, streams, "right after the starts");
  return streams;
}

/**
 * Request k heartbeats stream k mod n, so that the 32 requests in flight are on 32 different
 * streams (autocannon gives a connection no state that outlives one request).
 */
function heartbeatRequests(streams: OpenStream[]): RequestSpec[] {
  let next = 0;
  return [
    {
      method: "POST",
      setupRequest: (request) => {
        const stream = streams[next++ % streams.length]!;
        return {
          ...request,
          path: `/api/v1/streams/${stream.id}/heartbeat`,
          headers: { ...request.headers, authorization: `Bearer ${stream.token}` },
        };
      },
    },
  ];
}

export async function loadHeartbeats(node: Node, streams: OpenStream[], duration: number): Promise<Run> {
  return summarise(await autocannon({ url: node.url, connections: CONNECTIONS, duration, requests: heartbeatRequests(streams) }));
}

/**
 * Heartbeats at 32 connections against the Usher node and against the bare server given the same
 * requests, after a warm-up of each: `runs` rounds of a bare run then an Usher run. Every stream
 * must still accept a heartbeat after the last run.
 */
export async function measureHeartbeatLoad(
  usher: Node,
  bare: Node,
  streams: OpenStream[],
  options: { runs: number; duration: number; warmup: number; database: string },
): Promise<HeartbeatLoad> {
  log(`heartbeats: warm-up ${options.warmup} s each, then ${options.runs} × ${options.duration} s each, interleaved with the bare server`);
  await loadHeartbeats(bare, streams, options.warmup);
  await loadHeartbeats(usher, streams, options.warmup);
  const load: HeartbeatLoad = {
    streams: streams.length,
    connections: CONNECTIONS,
    duration: options.duration,
    runs: [],
    bare: [],
    cpu: [],
    bareCpu: [],
  };
  for (let round = 0; round < options.runs; round++) {
    const [bareRun, bareUse] = await withCpu(bare.pid, options.database, () => loadHeartbeats(bare, streams, options.duration));
    const [run, use] = await withCpu(usher.pid, options.database, () => loadHeartbeats(usher, streams, options.duration));
    load.bare.push(bareRun);
    load.bareCpu.push(bareUse);
    load.runs.push(run);
    load.cpu.push(use);
    log(
      `run ${round + 1}: usher heartbeats ${run.rps.toFixed(0)}/s (${run.non2xx} non-2xx, ${run.errors} errors), ` +
        `bare ${bareRun.rps.toFixed(0)} req/s`,
    );
  }
  await expectHeartbeats(usher, streams, "after the runs");
  return load;
}

export interface WireCounts {
  statements: number;
  transactions: number;
}

/** The counting relay (bench/support/pg-wire-counter.ts) in front of the PostgreSQL at `databaseUrl`: the URL that goes through it. */
export async function startWireCounter(databaseUrl: string): Promise<{ node: Node; url: string; counts(): Promise<WireCounts> }> {
  const target = new URL(databaseUrl);
  const listenPort = await freePort();
  const countsPort = await freePort();
  const node = await startProcess(
    "pg-wire-counter",
    ["--import", "tsx", "bench/support/pg-wire-counter.ts"],
    {
      ...process.env,
      LISTEN_PORT: String(listenPort),
      COUNTS_PORT: String(countsPort),
      TARGET_HOST: target.hostname,
      TARGET_PORT: target.port || "5432",
    },
    /pg wire counter ready/,
    countsPort,
  );
  const relayed = new URL(databaseUrl);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(listenPort);
  return {
    node,
    url: relayed.toString(),
    counts: async () => (await (await fetch(`${node.url}/counts`)).json()) as WireCounts,
  };
}

/**
 * Counting what a node does (statements on the wire, CPU, …): its background rate while it idles
 * for `idleMs`, then `measure` runs some work and answers what it cost per unit, that rate over
 * its own wall time taken out of every count.
 */
export async function countWindows<C extends { [K in keyof C]: number }>(counts: () => Promise<C>, idleMs: number) {
  const difference = (after: C, before: C, scale = 1) =>
    Object.fromEntries((Object.keys(after) as (keyof C)[]).map((key) => [key, (after[key] - before[key]) * scale])) as C;
  const window = async <T>(work: () => Promise<T>): Promise<[T, C, number]> => {
    const before = await counts();
    const t0 = performance.now();
    const result = await work();
    const ms = performance.now() - t0;
    return [result, difference(await counts(), before), ms];
  };
  const [, idleCounts, idleWall] = await window(() => sleep(idleMs));
  const zero = Object.fromEntries(Object.keys(idleCounts).map((key) => [key, 0])) as C;
  const idle = difference(idleCounts, zero, 1000 / idleWall);
  return {
    /** Each count a second while the node served nothing. */
    idle,
    async measure<T>(work: () => Promise<T>): Promise<{ result: T; per(units: number): C }> {
      const [result, counted, ms] = await window(work);
      return {
        result,
        per: (units) => difference(counted, difference(idle, zero, ms / 1000), 1 / units),
      };
    },
  };
}

/**
 * On a node whose database connections go through the counting relay: its background rate while
 * idle, then `ONE_AT_A_TIME` heartbeats one after another, then `duration` seconds at 32
 * connections. Each count has the background rate over its own wall time taken out.
 */
export async function countHeartbeatStatements(
  node: Node,
  counts: () => Promise<WireCounts>,
  streams: OpenStream[],
  duration: number,
): Promise<HeartbeatStatements> {
  const wire = await countWindows(counts, IDLE_MS);
  log(
    `heartbeat statements: ${ONE_AT_A_TIME} heartbeats one at a time, then ${duration} s at ${CONNECTIONS} connections, on a counted node`,
  );
  const lone = await wire.measure(async () => {
    let refused = 0;
    for (let i = 0; i < ONE_AT_A_TIME; i++) if ((await heartbeat(node, streams[i % streams.length]!)) !== 200) refused++;
    return refused;
  });
  const concurrent = await wire.measure(() => loadHeartbeats(node, streams, duration));
  const heartbeats = concurrent.result.ok + concurrent.result.non2xx;
  return {
    idle: wire.idle,
    oneAtATime: { heartbeats: ONE_AT_A_TIME, refused: lone.result, ...lone.per(ONE_AT_A_TIME) },
    concurrent: { heartbeats, run: concurrent.result, ...concurrent.per(heartbeats) },
  };
}

/** The connections of a node's pool (DATABASE_POOL_SIZE's default). */
const POOL_SIZE = 10;

/**
 * Single-row updates of a 32-row scratch table, each its own transaction, for `seconds` at
 * `POOL_SIZE` connections, then for a second on one: what the database commits without Usher.
 */
export async function measureCommitCeiling(databaseUrl: string, seconds: number): Promise<CommitCeiling> {
  const clients = Array.from({ length: POOL_SIZE }, () => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    await clients[0]!.query("create table bench_commit_probe (id int primary key, at timestamptz not null)");
    await clients[0]!.query("insert into bench_commit_probe select n, now() from generate_series(0, 31) n");
    const update = async (client: pg.Client, row: number) =>
      client.query({ name: "bench-commit-probe", text: "update bench_commit_probe set at = now() where id = $1", values: [row % 32] });
    const loop = async (over: pg.Client[], ms: number) => {
      let done = 0;
      const t0 = performance.now();
      await Promise.all(
        over.map(async (client, k) => {
          while (performance.now() - t0 < ms) await update(client, k + done++);
        }),
      );
      return { done, ms: performance.now() - t0 };
    };
    const many = await loop(clients, seconds * 1000);
    const one = await loop(clients.slice(0, 1), 1000);
    await clients[0]!.query("drop table bench_commit_probe");
    return { connections: POOL_SIZE, updatesPerSecond: (many.done * 1000) / many.ms, oneAtATimeMs: one.ms / one.done };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** Devices of one new account over the nodes (the first signs up on node 1), on Premium, each with a stream started through its node. */
async function householdWatching(nodes: Node[], account: number, titles: string[]): Promise<{ streams: OpenStream[]; signingOut: string }> {
  const first = await signUp(nodes[0]!, account);
  const others = await Promise.all(Array.from({ length: DEVICES - 1 }, (_, k) => signIn(nodes[(k + 1) % nodes.length]!, account)));
  const plan = await api(nodes[0]!, "PUT", "/api/v1/account/plan", { token: first, body: { plan: "premium" } });
  if (plan.status !== 200) throw new Error(`PUT /api/v1/account/plan answered ${plan.status}: ${JSON.stringify(plan.json)}`);
  const tokens = [first, ...others];
  const streams = await Promise.all(
    tokens.map(async (token, d) => ({ token, id: await startStream(nodes[d % nodes.length]!, token, titles[d % titles.length]!) })),
  );
  return { streams, signingOut: first };
}

interface Loop {
  node: number;
  served: number;
  /** When the first refusal came once the sign-out was sent, whenever its heartbeat was sent. */
  firstRefusalAt?: number;
  /** When a heartbeat sent after the answer was refused. */
  refusedAt?: number;
  refusedWith?: number;
}

/**
 * Each round: a new account with four devices signed in over the nodes, each watching; every
 * device heartbeats on every node in a loop of its own, one heartbeat after another; once every
 * loop has been served, sign out of all devices on node 1. Each node's time is that of its first
 * refusal; each loop runs on until a heartbeat it sent after the answer arrived is refused, and a
 * 200 to such a heartbeat is a stale accept.
 */
export async function measureHeartbeatRefusal(nodes: Node[], firstAccount: number, rounds: number): Promise<HeartbeatRefusal> {
  const titles = await titleIds(nodes[0]!);
  const figures: HeartbeatRefusal = {
    nodes: nodes.length,
    devices: DEVICES,
    ms: [],
    perNodeMs: [],
    everyDeviceMs: [],
    afterAnswer: 0,
    staleAccepts: 0,
    inFlightAccepts: 0,
    missed: 0,
    heartbeats: 0,
    refusals: {},
  };
  for (let round = 0; round < rounds; round++) {
    const { streams, signingOut } = await householdWatching(nodes, firstAccount + round, titles);
    let signOutSent = false;
    let answeredAt: number | undefined;
    let giveUpAt = Number.POSITIVE_INFINITY;
    const loops: Loop[] = [];
    const running = streams.flatMap((stream) =>
      nodes.map(async (node, n) => {
        const loop: Loop = { node: n, served: 0 };
        loops.push(loop);
        while (performance.now() < giveUpAt) {
          const sentAt = performance.now();
          const afterAnswer = answeredAt !== undefined && sentAt > answeredAt;
          const status = await heartbeat(node, stream);
          figures.heartbeats++;
          if (afterAnswer) figures.afterAnswer++;
          if (status !== 200 && signOutSent) loop.firstRefusalAt ??= performance.now();
          if (status === 200) {
            loop.served++;
            if (afterAnswer) figures.staleAccepts++;
            else if (answeredAt !== undefined) figures.inFlightAccepts++;
          } else if (afterAnswer) {
            loop.refusedAt = performance.now();
            loop.refusedWith = status;
            return;
          } else if (!signOutSent) {
            throw new Error(`a heartbeat before the sign-out was refused (${status})`);
          }
        }
      }),
    );
    const failed = Promise.all(running).then(() => undefined);
    failed.catch(() => {});
    try {
      const t0 = performance.now();
      while (loops.some((loop) => loop.served === 0)) {
        if (performance.now() - t0 > REFUSAL_WAIT_MS) throw new Error("the heartbeat loops were not all served");
        await Promise.race([sleep(5), failed]);
      }
      await sleep(STEADY_MS);
      signOutSent = true;
      const answer = await api(nodes[0]!, "POST", "/api/v1/sessions/sign-out-all", { token: signingOut });
      answeredAt = performance.now();
      giveUpAt = answeredAt + REFUSAL_WAIT_MS;
      if (answer.status !== 200) throw new Error(`sign-out-all answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    } finally {
      // On a failure before the answer, the loops stop at once.
      if (answeredAt === undefined) giveUpAt = 0;
    }
    await failed;
    const since = (at: number | undefined) => (at === undefined ? Number.POSITIVE_INFINITY : Math.max(0, at - answeredAt!));
    figures.missed += loops.filter((loop) => loop.refusedAt === undefined).length;
    for (const loop of loops)
      if (loop.refusedWith !== undefined) figures.refusals[loop.refusedWith] = (figures.refusals[loop.refusedWith] ?? 0) + 1;
    const perNode = nodes.map((_, n) => Math.min(...loops.filter((loop) => loop.node === n).map((loop) => since(loop.firstRefusalAt))));
    figures.perNodeMs.push(perNode);
    figures.ms.push(Math.max(...perNode));
    figures.everyDeviceMs.push(Math.max(...loops.map((loop) => since(loop.refusedAt))));
  }
  return figures;
}

/** The bench's phase in one piece, for `BENCH_ONLY=streams` and the full run: the load and the count, on the nodes given. */
export async function measureHeartbeatsAndStatements(
  usher: Node,
  bare: Node,
  options: {
    firstAccount: number;
    batch: number;
    runs: number;
    duration: number;
    warmup: number;
    database: string;
    databaseUrl: string;
    /** Starts an Usher node on the database at this URL (the counting relay's). */
    startNode: (name: string, databaseUrl: string) => Promise<Node>;
  },
): Promise<{ load: HeartbeatLoad; statements: HeartbeatStatements; commits: CommitCeiling }> {
  log(`heartbeats: ${CONNECTIONS} accounts signing up, each starting a stream`);
  const streams = await openStreams(usher, options.firstAccount, CONNECTIONS, options.batch);
  const load = await measureHeartbeatLoad(usher, bare, streams, options);
  log(`PostgreSQL alone: single-row updates at ${POOL_SIZE} connections for ${COMMIT_SECONDS} s, then one at a time`);
  const commits = await measureCommitCeiling(options.databaseUrl, COMMIT_SECONDS);
  const counter = await startWireCounter(options.databaseUrl);
  let counted: Node | undefined;
  try {
    counted = await options.startNode("usher-counted", counter.url);
    await expectHeartbeats(counted, streams, "on the counted node");
    const statements = await countHeartbeatStatements(counted, counter.counts, streams, Math.min(options.duration, 3));
    return { load, statements, commits };
  } finally {
    if (counted) await stopProcess(counted.child);
    await stopProcess(counter.node.child);
  }
}
