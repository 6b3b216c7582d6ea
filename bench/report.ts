// The report: bench/results/latest.md, from the figures of one run.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import type { Argon2Probe, Run } from "./load";
import type { PageLoads } from "./page-load";
import { type Footprint, footprintSection } from "./report-footprint";
import { pagesSection } from "./report-pages";
import { type ResetTiming, spread } from "./reset-timing";
import type { ClusterRefusal, LiveNotices } from "./revocation";
import type { SignInStatements } from "./sign-in-statements";
import type { StreamFigures } from "./streams";
import { cores, median, percentile, root } from "./support/common";
import { f0, f1, f2, f3, met, pct } from "./support/format";
import type { CpuUse } from "./support/measure";
import { USHER_SERVE } from "./support/processes";
import { type ProtectedRoute, type SignOutAllLatency, VARIANTS, type Variant } from "./verifier";
import type { VerifierMemory } from "./verifier-memory";

/** The cached session verifier's figures (bench/verifier.ts, bench/verifier-memory.ts). */
export interface VerifierFigures {
  route: ProtectedRoute;
  signOut: SignOutAllLatency;
  memory: VerifierMemory;
  /** Wall time of each phase, starting its processes and making its accounts included. */
  seconds: { route: number; signOut: number; memory: number };
}

/** How the bench starts an Usher node: as production does (`npm start`). */
const SERVE = `node ${USHER_SERVE.join(" ")}`;

/** What every report says about the run itself. */
export interface RunMeta {
  loadBefore: number[];
  loadAfter: number[];
  postgresVersion: string;
  started: Date;
  finished: Date;
}

export interface Figures {
  /** The first probe, taken before any server starts, then one right before each sign-in run. */
  argon2: Argon2Probe[];
  loadBefore: number[];
  loadAfter: number[];
  me: Run[];
  /** `GET /livez`, one run right after each /me run: the same app and plugins answering a constant. */
  ceiling: Run[];
  /** `POST /oauth/introspect`, one run per round, after that round's bare and /me runs. */
  introspection: Run[];
  bare: Run[];
  /** The bare server given introspection's form post, one run per round, right before that round's introspection run. */
  barePost: Run[];
  signIn: Run[];
  meCpu: CpuUse[];
  ceilingCpu: CpuUse[];
  introspectionCpu: CpuUse[];
  bareCpu: CpuUse[];
  signInCpu: CpuUse[];
  /** Absent when BENCH_ONLY named another phase. */
  signInStatements?: SignInStatements;
  statementsPerRequest: number;
  statementsPerIntrospection: number;
  /** Start-to-ready, and RSS idle and under the `/me` load, each next to the bare server. */
  footprint: Footprint;
  rssAfter: number;
  nodes: number;
  refusal: ClusterRefusal;
  notices: LiveNotices;
  /** `POST /auth/password-reset`, known against unknown addresses: one per method (email, sms). */
  resetTiming: ResetTiming[];
  /** Absent when BENCH_ONLY named another phase. */
  verifier?: VerifierFigures;
  /** Absent when BENCH_ONLY named another phase. */
  streams?: StreamFigures;
  /** Absent when BENCH_ONLY named another phase. */
  pages?: PageLoads;
  runs: number;
  duration: number;
  postgresVersion: string;
  started: Date;
  finished: Date;
}

/**
 * How far from 0.5 a reset-timing AUC may be and still count as "no signal". With 200 + 200
 * samples chance alone spreads it by ±0.03 (one standard error); a shared 2-core machine's
 * noise spreads it more from run to run (0.46–0.56 seen). The leak this guards against gave 0.73–0.79.
 */
export const RESET_AUC_BAND = 0.1;

/** The hot paths' goals: `/me` against bare Node, and sign-in's own work beside argon2. */
const ME_TARGET = 0.45;
const SIGN_IN_MAIN_THREAD_MS = 3;
const SIGN_IN_STATEMENTS = 8;
const SIGN_IN_VS_PROBE = 0.9;
const resetIndistinct = (t: ResetTiming) => Math.abs(t.auc - 0.5) <= RESET_AUC_BAND;

const runRows = (name: string, runs: Run[], unit: string) =>
  runs.map(
    (r, i) => `| ${name} | ${i + 1} | ${f1(r.rps)} ${unit} | ${f1(r.p50)} ms | ${f1(r.p99)} ms | ${r.ok} | ${r.non2xx} | ${r.errors} |`,
  );

function notesText(): string {
  const notesFile = join(root, "bench", "notes.md");
  return existsSync(notesFile) ? readFileSync(notesFile, "utf8").trim() : "";
}

function gitCommit(): string {
  try {
    const head = readFileSync(join(root, ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 10);
    const ref = head.slice(5);
    const refFile = join(root, ".git", ref);
    if (existsSync(refFile)) return readFileSync(refFile, "utf8").trim().slice(0, 10);
    const packed = readFileSync(join(root, ".git", "packed-refs"), "utf8");
    return (
      packed
        .split("\n")
        .find((line) => line.endsWith(` ${ref}`))
        ?.slice(0, 10) ?? "unknown"
    );
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

/** When, where and on what the run was made. */
function runLine(meta: RunMeta, command = "npm run bench"): string {
  return (
    `Run \`${command}\` — ${meta.started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${gitCommit()}${sourceDirty() ? " with uncommitted changes under src/" : ""}, ` +
    `Node ${process.version}, ${cores} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), PostgreSQL ${meta.postgresVersion}, ` +
    `took ${f0((meta.finished.getTime() - meta.started.getTime()) / 1000)} s; load average ${meta.loadBefore.map(f1).join(" / ")} before, ` +
    `${meta.loadAfter.map(f1).join(" / ")} after (anything above ${cores} means other work shared the cores).`
  );
}

export function report(f: Figures): string {
  const verifier = f.verifier && verifierSection(f.verifier);
  const streams = f.streams && streamsSection(f.streams);
  const pages = f.pages && pagesSection(f.pages);
  const footprint = footprintSection(f.footprint);
  const meRps = median(f.me.map((r) => r.rps));
  const bareRps = median(f.bare.map((r) => r.rps));
  // Each /me run is paired with the bare run just before it, each sign-in run with the
  // argon2 probe just before it: the machine is shared, so pairs see the same conditions.
  const meRatios = f.me.map((r, i) => r.rps / f.bare[i]!.rps);
  const meRatio = median(meRatios);
  const ceilingRps = median(f.ceiling.map((r) => r.rps));
  const ceilingRatio = median(f.ceiling.map((r, i) => r.rps / f.bare[i]!.rps));
  const meVsCeiling = median(f.me.flatMap((r, i) => (f.ceiling[i] ? [r.rps / f.ceiling[i]!.rps] : [])));
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
  // CPU milliseconds per sign-in: the main thread (JavaScript) and the whole process (argon2's threads too).
  const signInMainMs = median(f.signInCpu.map((u, i) => (u.serverMain / f.signIn[i]!.rps) * 1000));
  const signInProcessMs = median(f.signInCpu.map((u, i) => (u.server / f.signIn[i]!.rps) * 1000));
  const statements = f.signInStatements;
  // Introspection runs are paired with the same bare runs as /me (one bare run per round).
  const inRps = median(f.introspection.map((r) => r.rps));
  const inRatio = median(f.introspection.map((r, i) => r.rps / f.bare[i]!.rps));
  const inP50 = median(f.introspection.map((r) => r.p50));
  const inP99 = median(f.introspection.map((r) => r.p99));
  const inVsMe = median(f.introspection.flatMap((r, i) => (f.me[i] ? [r.rps / f.me[i]!.rps] : [])));
  const inNon2xx = f.introspection.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const barePostRps = median(f.barePost.map((r) => r.rps));
  const inPostRatio = median(f.introspection.map((r, i) => r.rps / f.barePost[i]!.rps));
  // The product's goal: introspection at least as close to bare Node as /me, each against the
  // bare server doing the same wire work (a form post for introspection, a GET for /me).
  const inMet = (ratio: number, target: number) => (Number.isNaN(target) ? "–" : met(ratio >= target));
  const introspectionRows = f.introspection.length
    ? [
        [
          "`POST /oauth/introspect` (RFC 7662: a live session's token, client_secret_basic), 32 connections: requests/s (ratio: median of the per-run ratios, against the bare server given the same form post in the same round)",
          f0(inRps),
          `${f0(barePostRps)} (bare Node \`http\`, reads and parses the form, constant JSON)`,
          pct(inPostRatio),
          `≥ \`/me\`'s (${pct(meRatio)})`,
          inMet(inPostRatio, meRatio),
        ],
        [
          "`POST /oauth/introspect` against the bare server's GET runs, as `/me` is measured (for reference)",
          f0(inRps),
          `${f0(bareRps)} (bare Node \`http\`, GET)`,
          pct(inRatio),
          "–",
          "–",
        ],
        [
          "`POST /oauth/introspect`: ratio of the medians, against the bare form posts (for reference)",
          f0(inRps),
          f0(barePostRps),
          pct(inRps / barePostRps),
          `≥ \`/me\`'s (${pct(meRps / bareRps)})`,
          inMet(inRps / barePostRps, meRps / bareRps),
        ],
        ...(f.me.length
          ? [
              [
                "`POST /oauth/introspect` against `GET /api/v1/me` of the same round: requests/s (median of the per-round ratios; for reference)",
                f0(inRps),
                `${f0(meRps)} (\`GET /api/v1/me\`)`,
                pct(inVsMe),
                "–",
                "–",
              ],
            ]
          : []),
        [
          "`POST /oauth/introspect`: latency p50",
          `${f1(inP50)} ms`,
          `${f1(bareP50)} ms`,
          `${f1(inP50 / Math.max(bareP50, 0.1))}×`,
          "–",
          "–",
        ],
        [
          "`POST /oauth/introspect`: latency p99",
          `${f1(inP99)} ms`,
          `${f1(bareP99)} ms`,
          `${f1(inP99 / Math.max(bareP99, 0.1))}×`,
          "–",
          "–",
        ],
      ]
    : [];
  const refusalMedian = median(f.refusal.ms);
  const refusalMax = Math.max(...f.refusal.ms);

  const rows = [
    ["figure", "median", "baseline", "ratio", "target", "met?"],
    ["---", "---:", "---:", "---:", "---:", ":---:"],
    [
      "`GET /api/v1/me`, 32 connections: requests/s (ratio: median of the per-run ratios)",
      f0(meRps),
      `${f0(bareRps)} (bare Node \`http\`, constant JSON)`,
      pct(meRatio),
      `≥ ${pct(ME_TARGET)}`,
      met(meRatio >= ME_TARGET),
    ],
    [
      "`GET /api/v1/me`: ratio of the medians (for reference)",
      f0(meRps),
      f0(bareRps),
      pct(meRps / bareRps),
      `≥ ${pct(ME_TARGET)}`,
      met(meRps / bareRps >= ME_TARGET),
    ],
    ...(f.ceiling.length
      ? [
          [
            "`GET /livez`: the same app and plugins answering a constant, `/me`'s ceiling (ratio: median of the per-run ratios)",
            f0(ceilingRps),
            f0(bareRps),
            pct(ceilingRatio),
            "–",
            "–",
          ],
          ["`GET /api/v1/me` against that ceiling, run for run (for reference)", f0(meRps), f0(ceilingRps), pct(meVsCeiling), "–", "–"],
        ]
      : []),
    ["`GET /api/v1/me`: latency p50", `${f1(meP50)} ms`, `${f1(bareP50)} ms`, `${f1(meP50 / Math.max(bareP50, 0.1))}×`, "–", "–"],
    ["`GET /api/v1/me`: latency p99", `${f1(meP99)} ms`, `${f1(bareP99)} ms`, `${f1(meP99 / Math.max(bareP99, 0.1))}×`, "–", "–"],
    ...introspectionRows,
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
      `≥ ${pct(SIGN_IN_VS_PROBE)}`,
      met(signInVsProbe >= SIGN_IN_VS_PROBE),
    ],
    [
      "sign-in: CPU of the server's main thread per sign-in (its JavaScript: the request, the notice and the email's delivery; argon2 runs on libuv's threads)",
      `${f2(signInMainMs)} ms`,
      `${f2(signInProcessMs)} ms (the whole process, argon2 included)`,
      "–",
      `≤ ${SIGN_IN_MAIN_THREAD_MS} ms`,
      met(signInMainMs <= SIGN_IN_MAIN_THREAD_MS),
    ],
    ...(statements
      ? [
          [
            `sign-in: PostgreSQL statements per sign-in, ${statements.signIns} one at a time, counted on the wire (new device: the request, its notice and the email's delivery)`,
            `${f1(statements.newDevice.statements)} (new device)`,
            `${f1(statements.knownDevice.statements)} (known device: no notice)`,
            "–",
            `≤ ${SIGN_IN_STATEMENTS}`,
            met(statements.newDevice.statements <= SIGN_IN_STATEMENTS + 0.5),
          ],
        ]
      : []),
    [
      `sign-out-all → last of ${f.nodes} nodes refusing (5 devices, each asking every node once, right after the response)`,
      `${f1(refusalMedian)} ms (max ${f1(refusalMax)} ms; ${f.refusal.staleAccepts} of ${f.refusal.requests} requests served after it)`,
      "–",
      "–",
      "next request, 0 served",
      met(f.refusal.staleAccepts === 0),
    ],
    [
      `live "You were signed out" notice: delay after the sign-out-all response, ${f.notices.streams} open screens over ${f.nodes} nodes`,
      `p99 ${f1(f.notices.p99)} ms (p50 ${f1(f.notices.p50)} ms, max ${f1(f.notices.max)} ms; ${f.notices.missed} missed)`,
      "–",
      "–",
      "< 1 s",
      met(f.notices.missed === 0 && f.notices.p99 < 1000),
    ],
    ...f.resetTiming.map((t) => [
      `\`POST /api/v1/auth/password-reset\` (\`${t.method}\`): round trip, address with an account vs without ` +
        `(${t.knownMs.length} + ${t.unknownMs.length} requests, one at a time, shuffled; AUC: chance the known one is slower, 0.5 = no signal)`,
      `${f2(t.knownMedian)} ms`,
      `${f2(t.unknownMedian)} ms (unknown address); AUC of a second unknown set against it ${f3(t.baselineAuc)}`,
      `${f2(t.ratio)}×, AUC ${f3(t.auc)}`,
      `AUC 0.5 ± ${RESET_AUC_BAND}`,
      met(resetIndistinct(t)),
    ]),
    ...footprint.rows,
    ...(verifier?.rows ?? []),
    ...(streams?.rows ?? []),
  ];
  const table = rows.map((row) => `| ${row.join(" | ")} |`).join("\n");

  const missed: string[] = [];
  if (meRatio < ME_TARGET) {
    missed.push(
      `- \`GET /me\` reaches ${pct(meRatio)} of the bare server, ${f1((ME_TARGET - meRatio) * 100)} points short of ${pct(ME_TARGET)} ` +
        `(it needs ${f0(ME_TARGET * bareRps)} requests/s, ${f1((ME_TARGET * bareRps) / meRps)}× what it does; the same app answering a constant reaches ${pct(ceilingRatio)}).`,
    );
  }
  if (signInVsProbe < SIGN_IN_VS_PROBE) {
    missed.push(
      `- Sign-in reaches ${pct(signInVsProbe)} of what the argon2 probe's concurrent verifications reach, ${f1((SIGN_IN_VS_PROBE - signInVsProbe) * 100)} points short of ${pct(SIGN_IN_VS_PROBE)}.`,
    );
  }
  if (statements && statements.newDevice.mainThreadMs > SIGN_IN_MAIN_THREAD_MS) {
    missed.push(
      `- A sign-in costs ${f2(statements.newDevice.mainThreadMs)} ms of the main thread's CPU, over ${SIGN_IN_MAIN_THREAD_MS} ms.`,
    );
  }
  if (statements && statements.newDevice.statements > SIGN_IN_STATEMENTS + 0.5) {
    missed.push(`- A sign-in from a new device costs ${f1(statements.newDevice.statements)} statements, over ${SIGN_IN_STATEMENTS}.`);
  }
  if (inPostRatio < meRatio) {
    missed.push(
      `- Introspection reaches ${pct(inPostRatio)} of the bare server's form posts against \`/me\`'s ${pct(meRatio)}, ` +
        `${f1((meRatio - inPostRatio) * 100)} points short (at the median bare rate that is ${f0(meRatio * barePostRps)} requests/s; ` +
        `it does ${f0(inRps)}, and ${pct(inVsMe)} of \`/me\`'s rate in the same rounds).`,
    );
  }
  if (inNon2xx > 0) {
    missed.push(
      `- ${inNon2xx} introspection requests were not answered 2xx (a 429 is the per-client limit, \`servicePerClient\`): ` +
        "its figures count only the 2xx answers.",
    );
  }
  if (signInShare < 0.85) {
    missed.push(
      `- Sign-in reaches ${pct(signInShare)} of the hashing limit, ${f1((0.85 - signInShare) * 100)} points short of 85% ` +
        `(it needs ${f1(0.85 * hashLimit)} sign-ins/s).`,
    );
  }

  for (const t of f.resetTiming.filter((timing) => !resetIndistinct(timing))) {
    missed.push(
      `- Password-reset requests (\`${t.method}\`) for known addresses can be told from unknown ones by their timing: ` +
        `AUC ${f3(t.auc)} (medians ${f2(t.knownMedian)} vs ${f2(t.unknownMedian)} ms; unknown against unknown ${f3(t.baselineAuc)}). ` +
        `Re-run before acting on a value just outside the band.`,
    );
  }
  missed.push(...footprint.missed);
  missed.push(...(verifier?.missed ?? []));
  missed.push(...(streams?.missed ?? []));

  const notes = notesText();
  return [
    "# Usher benchmarks",
    "",
    runLine(f),
    "",
    `One Usher process (\`${SERVE}\`, PostgreSQL, default OWASP argon2id m=19456 t=2 p=1, LOG_LEVEL=warn) ` +
      `and one bare Node \`http\` process; autocannon runs in the bench process on the same machine. ` +
      `Each figure is the median of ${f.runs} runs of ${f.duration} s (after a warm-up); baselines are measured in the same run: ` +
      `each /me run right after a bare-server GET run, each introspection run right after a bare-server run of the same ` +
      `form post (the bare server reads and parses it; one service client per run, so that the per-client limit never throttles it), ` +
      `each sign-in run right after an argon2id probe, and the ratios are ` +
      `the medians of those per-run pairs. Requests/s count 2xx answers only. On a 2-core machine the load generator, ` +
      `the server and PostgreSQL share the cores, so absolute numbers are noisy; the ratios are the figures to watch.`,
    "",
    footprint.method,
    ...(verifier ? ["", verifier.method] : []),
    ...(streams ? ["", streams.method] : []),
    ...(pages ? ["", pages.method] : []),
    "",
    table,
    "",
    ...(pages ? [pages.table, ""] : []),
    ...(missed.length ? ["**Targets missed:**", "", ...missed, ""] : ["All measured targets met.", ""]),
    ...(notes ? [notes, ""] : []),
    "<details><summary>Every run</summary>",
    "",
    "| figure | run | rate | p50 | p99 | 2xx | non-2xx | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runRows("bare `http`", f.bare, "req/s"),
    ...runRows("`GET /me`", f.me, "req/s"),
    ...runRows("`GET /livez`", f.ceiling, "req/s"),
    ...runRows("`POST /oauth/introspect`", f.introspection, "req/s"),
    ...runRows("sign-in", f.signIn, "/s"),
    ...(verifier?.runRows ?? []),
    ...(streams?.runRows ?? []),
    "",
    `- argon2id verification probes (20 sequential verifications each, in a child process; the first before any server started, ` +
      `then one before each sign-in run): medians ${f.argon2.map((p) => f1(p.medianMs)).join(", ")} ms; ` +
      `${cores} concurrent verifications in the probe reached ${f.argon2.map((p) => f1(p.parallelPerSecond)).join(", ")}/s.`,
    ...footprint.details,
    `- RSS of the node after the sign-in runs: ${f0(f.rssAfter)} MiB.`,
    ...(
      [
        ["bare `http`", f.bareCpu, f.bare],
        ["`GET /me`", f.meCpu, f.me],
        ["`GET /livez`", f.ceilingCpu, f.ceiling],
        ["`POST /oauth/introspect`", f.introspectionCpu, f.introspection],
        ["sign-in", f.signInCpu, f.signIn],
      ] as const
    ).map(([name, uses, runs]) => {
      const server = median(uses.map((u) => u.server));
      const main = median(uses.map((u) => u.serverMain));
      const postgres = median(uses.map((u) => u.postgres));
      const rate = median(runs.map((r) => r.rps));
      return (
        `- CPU during the ${name} runs (medians): server process ${pct(server)} of one core (all its threads), ` +
        `PostgreSQL (the bench database's backends) ${pct(postgres)} of one core, machine ${pct(median(uses.map((u) => u.machine)))} of all ${cores} cores busy; ` +
        `per answered request ≈ ${((server / rate) * 1000).toFixed(3)} ms of server CPU (${((main / rate) * 1000).toFixed(3)} ms on its main thread) ` +
        `+ ${((postgres / rate) * 1000).toFixed(3)} ms of PostgreSQL CPU.`
      );
    }),
    `- PostgreSQL statements per \`GET /me\` (xact_commit over the first run ÷ its requests): ${f2(f.statementsPerRequest)}; ` +
      `per \`POST /oauth/introspect\`: ${f2(f.statementsPerIntrospection)}.`,
    ...(statements
      ? [
          `- Sign-in statements, counted on the wire on a node of its own, its idle rate (${f1(statements.idle.statements)} statements/s) taken out: ` +
            `from a known device ${f2(statements.knownDevice.statements)} statements (${f2(statements.knownDevice.transactions)} transactions), ` +
            `from a new device ${f2(statements.newDevice.statements)} (${f2(statements.newDevice.transactions)}), per sign-in. ` +
            `The node's main thread, its idle rate taken out: ${f2(statements.knownDevice.mainThreadMs)} ms per sign-in from a known device, ` +
            `${f2(statements.newDevice.mainThreadMs)} ms from a new one (one at a time, nothing is shared: under load, ` +
            "concurrent requests share event-loop turns and the dispatcher claims several emails at once).",
        ]
      : []),
    `- Sign-out-all → last node refusing, per round (ms): ${f.refusal.ms.map(f1).join(", ")}.`,
    ...f.resetTiming.map((t) => {
      const [k10, k90] = spread(t.knownMs);
      const [u10, u90] = spread(t.unknownMs);
      return (
        `- Password-reset timing (\`${t.method}\`), client round trips after ${t.warmup} uncounted requests, each from its own client address: ` +
        `known p10–p90 ${f2(k10)}–${f2(k90)} ms, unknown ${f2(u10)}–${f2(u90)} ms; AUC ${f3(t.auc)} ` +
        `(standard error by chance alone ${f3(t.nullStandardError)}; a second set of unknown addresses against the first: ${f3(t.baselineAuc)}); ` +
        `the request right after a known one against the one right after an unknown one: ` +
        `AUC ${f3(t.nextAuc)} (the dispatcher's lookup and send, done after the answer); ${t.flowsRecorded} of ${t.requests} ` +
        `measured requests left a flow from their own address (none throttled).`
      );
    }),
    `- Live notices: ${f.notices.delaysMs.length} heard, ${f.notices.beforeResponse} of them before the sign-out-all response itself arrived (counted as 0 ms).`,
    ...(verifier?.details ?? []),
    ...(streams?.details ?? []),
    ...(pages?.details ?? []),
    "",
    "",
    "</details>",
    "",
  ].join("\n");
}

// The cached session verifier

/** Goal: the protected route keeps at least this share of the unprotected route's requests/s. */
export const VERIFIER_ROUTE_GOAL = 0.8;
/** Goal: 6 subscribed verifiers add less than this to the sign-out-all answer's p99. */
export const VERIFIER_SIGN_OUT_P99_GOAL_MS = 20;

const VARIANT_NAMES: Record<Variant, string> = {
  unprotected: "unprotected",
  cached: "cached verifier",
  introspection: "introspection every request",
};
const mib = (bytes: number) => bytes / 1024 / 1024;

/** The verifier's rows of the table, its missed targets, how it was measured, and its lines under "Every run". */
export function verifierSection(v: VerifierFigures): {
  method: string;
  rows: string[][];
  missed: string[];
  runRows: string[];
  details: string[];
} {
  const { route, signOut, memory } = v;
  const rps = (variant: Variant) => median(route.runs[variant].map((r) => r.rps));
  // Each cached run against the other variants' runs of the same round.
  const perRound = (baseline: Variant) => median(route.runs.cached.map((r, i) => r.rps / route.runs[baseline][i]!.rps));
  const vsUnprotected = perRound("unprotected");
  const vsIntrospection = perRound("introspection");
  const latency = (variant: Variant) =>
    `p50 ${f1(median(route.runs[variant].map((r) => r.p50)))} ms, p99 ${f1(median(route.runs[variant].map((r) => r.p99)))} ms`;
  const routeFailures = VARIANTS.reduce((sum, variant) => sum + route.runs[variant].reduce((n, r) => n + r.non2xx + r.errors, 0), 0);

  const none = signOut.blocks.filter((block) => block.verifiers === 0);
  const some = signOut.blocks.filter((block) => block.verifiers > 0);
  const noneMs = none.flatMap((block) => block.ms);
  const someMs = some.flatMap((block) => block.ms);
  const verifierCount = some[0]?.verifiers ?? 0;
  const p99Growth = percentile(someMs, 99) - percentile(noneMs, 99);
  const signOutMet = p99Growth < VERIFIER_SIGN_OUT_P99_GOAL_MS && signOut.staleAnswers === 0;

  const held = memory.after.status.cached.live - memory.before.status.cached.live;
  const rssPerSession = (memory.after.rss - memory.before.rss) / held;
  const heapPerSession = (memory.after.heapUsed - memory.before.heapUsed) / held;

  const rows = [
    [
      `\`GET /play/:titleId\` protected by the cached verifier (the example playback service: \`usherSessions\` + \`requireSession\`, a live session's bearer token), ` +
        `${route.connections} connections: requests/s against the same route unprotected (ratio: median of the per-round ratios)`,
      f0(rps("cached")),
      `${f0(rps("unprotected"))} (the same Fastify app and route, no verification)`,
      pct(vsUnprotected),
      `≥ ${pct(VERIFIER_ROUTE_GOAL)}`,
      met(vsUnprotected >= VERIFIER_ROUTE_GOAL),
    ],
    [
      "`GET /play/:titleId`, cached verifier against asking Usher on every request (the same app, plugin and preHandler; `POST /oauth/introspect` per request)",
      f0(rps("cached")),
      `${f0(rps("introspection"))} (introspection every request)`,
      `${f1(vsIntrospection)}×`,
      "–",
      "–",
    ],
    [
      "`GET /play/:titleId`: latency (medians of the runs)",
      latency("cached"),
      `unprotected ${latency("unprotected")}; introspection ${latency("introspection")}`,
      "–",
      "–",
      "–",
    ],
    [
      `sign-out-all answer (\`POST /api/v1/sessions/sign-out-all\` on node 1 of ${signOut.nodes}, an account with ${signOut.devices} devices) ` +
        `with ${verifierCount} verifiers subscribed over the nodes against none: p99 (${someMs.length} rounds with them; ${noneMs.length} without, before and after)`,
      `p99 ${f1(percentile(someMs, 99))} ms (p50 ${f1(percentile(someMs, 50))} ms; ${signOut.staleAnswers} of ${signOut.verifierChecks} verifier answers after it stale)`,
      `p99 ${f1(percentile(noneMs, 99))} ms (p50 ${f1(percentile(noneMs, 50))} ms), no verifier`,
      `${p99Growth >= 0 ? "+" : ""}${f1(p99Growth)} ms`,
      `p99 + < ${VERIFIER_SIGN_OUT_P99_GOAL_MS} ms, 0 stale`,
      met(signOutMet),
    ],
    [
      `a verifier holding ${memory.sessions.toLocaleString("en-US")} cached live sessions (child process, fake Usher over HTTP and WebSocket; ` +
        "after forced GC, once the RSS stopped falling): RSS (V8 heap used)",
      `${f1(mib(memory.after.rss))} MiB (${f1(mib(memory.after.heapUsed))} MiB)`,
      `${f1(mib(memory.before.rss))} MiB (${f1(mib(memory.before.heapUsed))} MiB): subscribed, no live session cached`,
      `${f0(rssPerSession)} B RSS, ${f0(heapPerSession)} B heap per session`,
      "–",
      "–",
    ],
  ];

  const missed: string[] = [];
  if (vsUnprotected < VERIFIER_ROUTE_GOAL) {
    missed.push(
      `- The route protected by the cached verifier reaches ${pct(vsUnprotected)} of the unprotected route's requests/s, ` +
        `${f1((VERIFIER_ROUTE_GOAL - vsUnprotected) * 100)} points short of ${pct(VERIFIER_ROUTE_GOAL)}.`,
    );
  }
  if (routeFailures > 0)
    missed.push(`- ${routeFailures} \`GET /play/:titleId\` requests were not answered 2xx: requests/s count only the 2xx ones.`);
  if (p99Growth >= VERIFIER_SIGN_OUT_P99_GOAL_MS) {
    missed.push(
      `- With ${verifierCount} verifiers subscribed the sign-out-all answer's p99 grows by ${f1(p99Growth)} ms, ` +
        `over the ${VERIFIER_SIGN_OUT_P99_GOAL_MS} ms allowed.`,
    );
  }
  if (signOut.staleAnswers > 0) {
    missed.push(`- **${signOut.staleAnswers} verifier answers after a sign-out-all answer still called a signed-out device live.**`);
  }
  if (held !== memory.sessions || memory.recheckIntrospections > 0 || memory.hellos !== 1) {
    missed.push(
      `- The memory probe's verifier did not hold every session: ${held} of ${memory.sessions} cached, ` +
        `${memory.recheckIntrospections} of ${memory.recheck} re-checked tokens asked Usher again, ${memory.hellos} subscriptions.`,
    );
  }

  const cpuLine = (variant: Variant) => {
    const server = median(route.cpu[variant].map((u) => u.server));
    return `${VARIANT_NAMES[variant]} ${pct(server)} of one core (${((server / rps(variant)) * 1_000_000).toFixed(0)} µs per request)`;
  };
  const blockLine = (block: (typeof signOut.blocks)[number], i: number) =>
    `block ${i + 1}, ${block.verifiers} verifiers: p50 ${f1(percentile(block.ms, 50))}, p99 ${f1(percentile(block.ms, 99))}, max ${f1(Math.max(...block.ms))} ms`;

  return {
    method:
      `The cached session verifier: three playback processes (\`GET /play/the-lantern-keepers\`, autocannon at ${route.connections} connections from the bench process, ` +
      `${route.runs.cached.length} rounds of ${route.duration} s, each round running unprotected, cached and introspection in turn, after a warm-up); ` +
      `sign-out-all one account at a time on node 1 of ${signOut.nodes}, a block without verifiers, one with ${verifierCount} ` +
      `(in the bench process, spread over the nodes), and one without again; the memory figure in a child process against a fake Usher.`,
    rows,
    missed,
    runRows: VARIANTS.flatMap((variant) => runRows(`\`GET /play/:titleId\`, ${VARIANT_NAMES[variant]}`, route.runs[variant], "req/s")),
    details: [
      `- CPU of the playback process during the \`GET /play/:titleId\` runs (medians): ${VARIANTS.map(cpuLine).join("; ")}. ` +
        `The Usher node during the cached runs: ${route.usherCpuDuringCached.map(pct).join(", ")} of one core (it is not asked).`,
      `- The cached service's \`/healthz\` after the warm-up: ${JSON.stringify(route.healthBefore)}; after the last run: ${JSON.stringify(route.healthAfter)}.`,
      `- Sign-out-all answer (ms), in the order run: ${signOut.blocks.map(blockLine).join("; ")}. ` +
        `Rounds where a verifier's lease was not fresh before the sign-out: ${signOut.unleasedRounds}; verifier warnings: ${signOut.verifierWarnings}.`,
      `- Verifier memory: ${memory.sessions.toLocaleString("en-US")} verify calls at ${memory.concurrency} at a time took ${f1(memory.fillMs / 1000)} s; ` +
        `cached before ${JSON.stringify(memory.before.status.cached)}, after ${JSON.stringify(memory.after.status.cached)} (lease fresh: ${memory.after.status.leaseFresh}); ` +
        `right after the fill RSS ${f1(mib(memory.justAfter.rss))} MiB, V8 heap ${f1(mib(memory.justAfter.heapUsed))} MiB used of ${f1(mib(memory.justAfter.heapTotal))} MiB; ` +
        `${f1(memory.settleMs / 1000)} s later ${f1(mib(memory.after.rss))} MiB, heap ${f1(mib(memory.after.heapUsed))} of ${f1(mib(memory.after.heapTotal))} MiB ` +
        `(before: heap ${f1(mib(memory.before.heapUsed))} of ${f1(mib(memory.before.heapTotal))} MiB); ` +
        `external memory ${f1(mib(memory.before.external))} → ${f1(mib(memory.after.external))} MiB; ` +
        `${memory.recheck} of the cached tokens verified again: ${memory.recheckIntrospections} reached the fake Usher; ${memory.hellos} subscription(s) opened.`,
      `- Wall time of the verifier phases: route ${f0(v.seconds.route)} s, sign-out-all ${f0(v.seconds.signOut)} s, memory ${f0(v.seconds.memory)} s.`,
    ],
  };
}

/** The report of a `BENCH_ONLY=…` run: one phase's figures alone, after `intro` (how it was measured). */
function phaseReport(
  title: string,
  only: string,
  intro: string,
  section: { rows: string[][]; missed: string[]; runRows: string[]; details: string[] },
  meta: RunMeta,
): string {
  const notes = notesText();
  return [
    `# Usher benchmarks: ${title}`,
    "",
    runLine(meta, `BENCH_ONLY=${only} npm run bench`),
    "",
    intro,
    "",
    [
      "| figure | median | baseline | ratio | target | met? |",
      "| --- | ---: | ---: | ---: | ---: | :---: |",
      ...section.rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n"),
    "",
    ...(section.missed.length ? ["**Targets missed:**", "", ...section.missed, ""] : ["All measured targets met.", ""]),
    ...(notes ? [notes, ""] : []),
    "<details><summary>Every run</summary>",
    "",
    "| figure | run | rate | p50 | p99 | 2xx | non-2xx | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...section.runRows,
    "",
    ...section.details,
    "",
    "",
    "</details>",
    "",
  ].join("\n");
}

/** The report of a `BENCH_ONLY=verifier` run: the verifier's figures alone. */
export function verifierReport(v: VerifierFigures, meta: RunMeta): string {
  const section = verifierSection(v);
  const intro =
    `Usher nodes run as \`${SERVE}\` on PostgreSQL (LOG_LEVEL=warn); the playback services as processes of their own ` +
    `on the same machine. ${section.method} Requests/s count 2xx answers only; the ratios are the figures to watch.`;
  return phaseReport("the cached session verifier", "verifier", intro, section, meta);
}

// Streams

/** Goal: heartbeats keep at least this share of the bare server's requests/s. */
export const HEARTBEAT_GOAL = 0.2;

/** The streams phase's rows of the table, its missed targets, how it was measured, and its lines under "Every run". */
export function streamsSection(s: StreamFigures): ReturnType<typeof verifierSection> {
  const { load, statements, commits, refusal } = s;
  const rps = median(load.runs.map((r) => r.rps));
  const bareRps = median(load.bare.map((r) => r.rps));
  const ratio = median(load.runs.map((r, i) => r.rps / load.bare[i]!.rps));
  const latency = (runs: typeof load.runs) => `p50 ${f1(median(runs.map((r) => r.p50)))} ms, p99 ${f1(median(runs.map((r) => r.p99)))} ms`;
  const failures = load.runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const { oneAtATime, concurrent, idle } = statements;
  const refusalMet = refusal.staleAccepts === 0 && refusal.missed === 0;
  const nodeMedians = refusal.perNodeMs[0]?.map((_, n) => median(refusal.perNodeMs.map((round) => round[n]!))) ?? [];

  const rows = [
    [
      `\`POST /api/v1/streams/:id/heartbeat\`, ${load.connections} connections over ${load.streams} streams of as many accounts: heartbeats/s ` +
        "(ratio: median of the per-round ratios, against the bare server given the same requests in the same round)",
      f0(rps),
      `${f0(bareRps)} (bare Node \`http\`, the same POSTs, constant JSON)`,
      pct(ratio),
      `≥ ${pct(HEARTBEAT_GOAL)}`,
      met(ratio >= HEARTBEAT_GOAL),
    ],
    [
      "heartbeats: ratio of the medians (for reference)",
      f0(rps),
      f0(bareRps),
      pct(rps / bareRps),
      `≥ ${pct(HEARTBEAT_GOAL)}`,
      met(rps / bareRps >= HEARTBEAT_GOAL),
    ],
    [
      `heartbeats against PostgreSQL alone: single-row UPDATEs, each committed on its own, at ${commits.connections} connections ` +
        "(a node's pool) on a scratch table, right after the heartbeat runs (for reference)",
      f0(rps),
      `${f0(commits.updatesPerSecond)} updates/s (one at a time: ${f2(commits.oneAtATimeMs)} ms each)`,
      pct(rps / commits.updatesPerSecond),
      "–",
      "–",
    ],
    ["heartbeats: latency (medians of the runs)", latency(load.runs), `bare ${latency(load.bare)}`, "–", "–", "–"],
    [
      `PostgreSQL statements (transactions) per heartbeat, counted on the wire, at ${load.connections} connections`,
      `${f2(concurrent.statements)} (${f2(concurrent.transactions)})`,
      `one at a time: ${f2(oneAtATime.statements)} (${f2(oneAtATime.transactions)})`,
      "–",
      "–",
      "–",
    ],
    [
      `sign-out-all → last of ${refusal.nodes} nodes refusing a heartbeat (${refusal.devices} devices of one account watching, ` +
        `each heartbeating on every node in a loop of its own; a node's first refusal, 0 if it came before the answer; ${refusal.ms.length} rounds)`,
      `${f1(median(refusal.ms))} ms (max ${f1(Math.max(...refusal.ms))} ms; ${refusal.staleAccepts} of ${refusal.afterAnswer} heartbeats sent after the answer accepted)`,
      "–",
      "–",
      "0 accepted after the answer",
      met(refusalMet),
    ],
    [
      "sign-out-all → every device refused on every node, for heartbeats sent after the answer (includes that heartbeat's round trip; for reference)",
      `${f1(median(refusal.everyDeviceMs))} ms (max ${f1(Math.max(...refusal.everyDeviceMs))} ms)`,
      "–",
      "–",
      "–",
      "–",
    ],
  ];

  const missed: string[] = [];
  if (ratio < HEARTBEAT_GOAL) {
    missed.push(
      `- Heartbeats reach ${pct(ratio)} of the bare server, ${f1((HEARTBEAT_GOAL - ratio) * 100)} points short of ${pct(HEARTBEAT_GOAL)} ` +
        `(they need ${f0(HEARTBEAT_GOAL * bareRps)}/s, ${f1((HEARTBEAT_GOAL * bareRps) / rps)}× what they do).`,
    );
  }
  if (failures > 0) missed.push(`- ${failures} heartbeats under load were not answered 2xx: heartbeats/s count only the 2xx ones.`);
  if (refusal.staleAccepts > 0) {
    missed.push(`- **${refusal.staleAccepts} heartbeats sent after a sign-out-all answer were still accepted.**`);
  }
  if (refusal.missed > 0) {
    missed.push(`- ${refusal.missed} heartbeat loops saw no refusal within 5 s of the sign-out-all answer.`);
  }

  const cpuLine = (name: string, uses: CpuUse[], runs: typeof load.runs) => {
    const server = median(uses.map((u) => u.server));
    const postgres = median(uses.map((u) => u.postgres));
    const rate = median(runs.map((r) => r.rps));
    return (
      `${name}: server process ${pct(server)} of one core, PostgreSQL ${pct(postgres)}, machine ${pct(median(uses.map((u) => u.machine)))} of all ${cores} cores ` +
      `(≈ ${((server / rate) * 1000).toFixed(3)} ms server + ${((postgres / rate) * 1000).toFixed(3)} ms PostgreSQL CPU per answer)`
    );
  };
  return {
    method:
      `Streams: ${load.streams} accounts, each with a phone app watching one title; autocannon at ${load.connections} connections POSTs ` +
      `heartbeats, request k on stream k mod ${load.streams}, to one Usher node and to the bare server (which answers any request with ` +
      `constant JSON), ${load.runs.length} rounds of ${load.duration} s, bare then Usher, after a warm-up of each. Statements and transactions ` +
      `per heartbeat come from another Usher node whose database connections pass through a counting relay in a process of its own ` +
      "(each simple Query or Execute message is a statement, each ReadyForQuery reporting the connection idle ends a transaction; " +
      `pg_stat_statements is not loaded on this server): ${oneAtATime.heartbeats} heartbeats one at a time, then ${concurrent.run.ok + concurrent.run.non2xx} ` +
      `at ${load.connections} connections, each count less the node's idle rate over the same time. Sign-out-all: each round a new Premium account ` +
      `with ${refusal.devices} devices signed in over the ${refusal.nodes} nodes, each watching through its own node, every device heartbeating ` +
      `on every node in a loop of its own; once all are served, sign out of all devices on node 1; each loop runs until a heartbeat it ` +
      "sent after the answer arrived is refused.",
    rows,
    missed,
    runRows: [
      ...runRows("bare `http`, heartbeat POSTs", load.bare, "req/s"),
      ...runRows("`POST /streams/:id/heartbeat`", load.runs, "/s"),
      ...runRows("heartbeats on the counted node", [concurrent.run], "/s"),
    ],
    details: [
      `- CPU during the heartbeat runs (medians): ${cpuLine("Usher", load.cpu, load.runs)}; ${cpuLine("bare", load.bareCpu, load.bare)}.`,
      `- Statements per heartbeat: the counted node idle ran ${f1(idle.statements)} statements (${f1(idle.transactions)} transactions) a second, ` +
        `taken out of each count; ${oneAtATime.refused} of the ${oneAtATime.heartbeats} heartbeats one at a time and ` +
        `${concurrent.run.non2xx} of the ${concurrent.heartbeats} at ${load.connections} connections were refused. Concurrent requests ` +
        "share their session lookups (one statement per turn of the event loop), so the count at 32 connections depends on timing, " +
        "and the relay adds a hop to each of that node's database round trips: the one-at-a-time count is the exact one.",
      `- Sign-out-all → last node refusing a heartbeat, per round (ms): ${refusal.ms.map(f1).join(", ")}; ` +
        `every device on every node: ${refusal.everyDeviceMs.map(f1).join(", ")}; each node's first refusal (medians over the rounds): ` +
        `${nodeMedians.map((ms, n) => `node ${n + 1} ${f1(ms)}`).join(", ")}. Refused with ${Object.entries(refusal.refusals)
          .map(([status, count]) => `${status} × ${count}`)
          .join(", ")}; ${refusal.inFlightAccepts} heartbeats in flight when the answer arrived were accepted (sent before it); ` +
        `${refusal.heartbeats} heartbeats in all.`,
      `- Wall time of the streams phase: load and statements ${f0(s.seconds.load)} s, sign-out-all ${f0(s.seconds.refusal)} s.`,
    ],
  };
}

/** The report of a `BENCH_ONLY=streams` run: the streams phase's figures alone. */
export function streamsReport(s: StreamFigures, meta: RunMeta): string {
  const section = streamsSection(s);
  const intro =
    `Usher nodes run as \`${SERVE}\` on PostgreSQL (LOG_LEVEL=warn), the bare Node \`http\` server as a process of its own; ` +
    `autocannon and the heartbeat loops run in the bench process on the same machine. ${section.method} Requests/s count 2xx answers only; ` +
    "the ratios are the figures to watch.";
  return phaseReport("streams", "streams", intro, section, meta);
}

// Footprint

/** The figures of a `BENCH_ONLY=footprint` run: the footprint, and the short `/me` load its RSS was measured under. */
export interface FootprintFigures extends Footprint {
  me: Run[];
  bare: Run[];
  duration: number;
}

/** The report of a `BENCH_ONLY=footprint` run: start-to-ready and resident memory alone. */
export function footprintReport(f: FootprintFigures, meta: RunMeta): string {
  const section = footprintSection(f);
  const intro =
    `One Usher node (\`${SERVE}\`, PostgreSQL, LOG_LEVEL=warn) and one bare Node \`http\` process, each a process of its own; ` +
    `the \`/me\` load is autocannon at 32 connections in the bench process: ${f.me.length} runs of ${f.duration} s, each right after ` +
    `a bare-server run, after a warm-up of each. ${section.method}`;
  const runs = [...runRows("bare `http`", f.bare, "req/s"), ...runRows("`GET /me`", f.me, "req/s")];
  return phaseReport("footprint", "footprint", intro, { ...section, runRows: runs }, meta);
}

// Page loads

/** The report of a `BENCH_ONLY=pages` run: the page loads alone (they have no target and no baseline). */
export function pagesReport(p: PageLoads, meta: RunMeta): string {
  const section = pagesSection(p);
  return [
    "# Usher benchmarks: page loads",
    "",
    runLine(meta, "BENCH_ONLY=pages npm run bench"),
    "",
    `One Usher node (\`${SERVE}\`, PostgreSQL, LOG_LEVEL=warn) serving the built web app (dist/web). ${section.method}`,
    "",
    section.table,
    "",
    "<details><summary>Every run</summary>",
    "",
    ...section.details,
    "",
    "</details>",
    "",
  ].join("\n");
}
