// Whether `POST /api/v1/auth/password-reset` tells, by how long it takes, that an address has
// an account. Requests for known and for unknown addresses are sent one at a time, in one
// shuffled order (fixed seed), each from its own client address so that no per-IP limit is
// reached (a throttled request answers the same 202 but does less work). The figure is the
// AUC: the chance that a random known-address round trip is slower than a random unknown one;
// its baseline is the same AUC between two sets of unknown addresses in the same shuffle.
import pg from "pg";
import { log, median, percentile, sleep } from "./support/common";
import type { Node } from "./support/processes";
import { api } from "./support/usher-api";

export type ResetMethod = "email" | "sms";

export interface ResetTiming {
  method: ResetMethod;
  /** Client-side round trips (ms), in the order they were sent within each class. */
  knownMs: number[];
  unknownMs: number[];
  knownMedian: number;
  unknownMedian: number;
  /** knownMedian ÷ unknownMedian. */
  ratio: number;
  /** P(known slower than unknown), ties counted half: 0.5 = the two cannot be told apart. */
  auc: number;
  /**
   * The baseline: the same AUC between two sets of unknown addresses, sent in the same shuffle.
   * They cannot differ, so its distance from 0.5 is what the machine's noise alone gives.
   */
  baselineAuc: number;
  /** The AUC's standard error if the two came from one distribution (Mann–Whitney, no ties). */
  nullStandardError: number;
  /**
   * The same AUC for the request that came *next* after a known vs an unknown one: whether the
   * work done after the answer (the dispatcher looking the address up and sending) shows in
   * the following request. For reference.
   */
  nextAuc: number;
  /** Requests before the measured ones, not counted (JIT, connections). */
  warmup: number;
  /** Measured requests, all three sets. */
  requests: number;
  /** Measured flows found in the database, with the client address the header gave: must be all. */
  flowsRecorded: number;
}

/**
 * The probability that a value drawn from `a` exceeds one drawn from `b`, ties counted half
 * (the AUC, or Mann–Whitney U ÷ |a|·|b|). 0.5: no separation; 1: every a above every b.
 */
export function auc(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return NaN;
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

/** The AUC's standard error under "same distribution" for samples of n and m (no ties). */
export function aucNullStandardError(n: number, m: number): number {
  return Math.sqrt((n + m + 1) / (12 * n * m));
}

/** A small seeded generator (mulberry32): the same order on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Client addresses from the documentation ranges (RFC 5737), handed out in turn and never
 * more than `perAddress` times each: the server allows 20 reset requests per address an hour,
 * and each process run starts with an empty limiter (the bench runs without Redis).
 */
const ADDRESSES = [
  ...Array.from({ length: 254 }, (_, i) => `198.51.100.${i + 1}`),
  ...Array.from({ length: 254 }, (_, i) => `203.0.113.${i + 1}`),
];
const PER_ADDRESS = 10;
let addressesUsed = 0;
function nextAddress(): string {
  if (addressesUsed >= ADDRESSES.length * PER_ADDRESS) throw new Error("reset timing: out of client addresses below the per-IP limit");
  return ADDRESSES[addressesUsed++ % ADDRESSES.length]!;
}

interface Sent {
  ms: number;
  flowId: string;
  ip: string;
}

async function requestReset(node: Node, email: string, method: ResetMethod): Promise<Sent> {
  const ip = nextAddress();
  const t0 = process.hrtime.bigint();
  const response = await api(node, "POST", "/api/v1/auth/password-reset", { ip, body: { email, method } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (response.status !== 202 || response.json?.method !== method || typeof response.json?.flowId !== "string") {
    throw new Error(
      `POST /api/v1/auth/password-reset (${method}, ${email}, from ${ip}) answered ${response.status}: ${JSON.stringify(response.json)}`,
    );
  }
  return { ms, flowId: response.json.flowId as string, ip };
}

/** Waits until the outbox holds nothing due (the dispatcher has finished), at most `timeoutMs`. */
async function outboxSettled(db: pg.Client, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const pending = await db.query("select count(*)::int as n from outbox where sent_at is null and failed_at is null");
    if (pending.rows[0].n === 0) return;
    await sleep(100);
  }
  log(`reset timing: the outbox still had messages due after ${timeoutMs / 1000} s; measuring anyway`);
}

type Class = "known" | "unknown" | "control";

/**
 * `samples` requests for known addresses (accounts that exist), as many for unknown ones (same
 * shape and length), and as many for a second set of unknown ones (the baseline: two samples
 * that cannot differ, to show the noise), interleaved in a seeded random order and sent one at
 * a time, after `warmup` uncounted ones. Every answer must be 202; every measured flow must be
 * in the database from the address its header named (so none was throttled).
 */
export async function measureResetTiming(
  node: Node,
  databaseUrl: string,
  options: { method: ResetMethod; known: string[]; unknown: string[]; control: string[]; samples: number; warmup: number; seed: number },
): Promise<ResetTiming> {
  const { method, samples, warmup } = options;
  const random = seeded(options.seed);
  // Each list is taken in turn, so that every address is asked for about as often.
  const lists: Record<Class, string[]> = { known: options.known, unknown: options.unknown, control: options.control };
  const taken: Record<Class, number> = { known: 0, unknown: 0, control: 0 };
  const next = (kind: Class) => lists[kind][taken[kind]++ % lists[kind].length]!;
  const kinds: Class[] = ["known", "unknown", "control"];
  const order = shuffle(
    kinds.flatMap((kind) => Array<Class>(samples).fill(kind)),
    random,
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (let i = 0; i < warmup; i++) await requestReset(node, next(kinds[i % kinds.length]!), method);
    // Start from a quiet server: no message from the warm-up (or before) still going out.
    await outboxSettled(db, 10_000);
    const sent: Array<Sent & { kind: Class }> = [];
    for (const kind of order) sent.push({ ...(await requestReset(node, next(kind), method)), kind });

    const recorded = await db.query<{ id: string; ip: string | null }>(
      "select id::text, requester->>'ip' as ip from code_flow where purpose = 'password_reset' and id = any($1::uuid[])",
      [sent.map((s) => s.flowId)],
    );
    const ipOf = new Map(recorded.rows.map((row) => [row.id, row.ip]));
    const flowsRecorded = sent.filter((s) => ipOf.get(s.flowId) === s.ip).length;
    if (flowsRecorded !== sent.length) {
      throw new Error(
        `reset timing (${method}): only ${flowsRecorded} of ${sent.length} measured requests left a flow from their own client address ` +
          `(${recorded.rows.length} flows found): requests were throttled or X-Forwarded-For was not honoured, so the figure would be wrong`,
      );
    }
    await outboxSettled(db, 10_000);

    const of = (kind: Class) => sent.filter((s) => s.kind === kind).map((s) => s.ms);
    const after = (kind: Class) =>
      sent
        .slice(1)
        .filter((_, i) => sent[i]!.kind === kind)
        .map((s) => s.ms);
    const knownMs = of("known");
    const unknownMs = of("unknown");
    const knownMedian = median(knownMs);
    const unknownMedian = median(unknownMs);
    return {
      method,
      knownMs,
      unknownMs,
      knownMedian,
      unknownMedian,
      ratio: knownMedian / unknownMedian,
      auc: auc(knownMs, unknownMs),
      baselineAuc: auc(of("control"), unknownMs),
      nullStandardError: aucNullStandardError(knownMs.length, unknownMs.length),
      nextAuc: auc(after("known"), after("unknown")),
      warmup,
      requests: sent.length,
      flowsRecorded,
    };
  } finally {
    await db.end();
  }
}

/** p10 / p90 of a sample, for the report. */
export const spread = (values: number[]): [number, number] => [percentile(values, 10), percentile(values, 90)];
