// The report's footprint rows: how long a node takes to be ready, and how much memory it holds,
// each next to the bare Node server.
import type { StartTimes } from "./start-time";
import { median } from "./support/common";
import { f0, f1, met } from "./support/format";

/** Goal: a restarted node is ready within this (median spawn → ready). */
export const READY_GOAL_MS = 2000;
/** Goal: the node's resident memory stays within this under the `/me` load (the most seen). */
export const RSS_LOAD_GOAL_MIB = 150;

export interface Footprint {
  start: StartTimes;
  /** What the measured PID runs, from /proc: the server process itself. */
  command: string;
  /** MiB, 2 s after the node started. */
  rssIdle: number;
  rssBareIdle: number;
  /** The most seen during each `/me` run, in MiB. */
  rssLoad: number[];
  rssBareLoad: number[];
}

export function footprintSection(f: Footprint): { method: string; rows: string[][]; missed: string[]; details: string[] } {
  const { start } = f;
  const restart = median(start.restartMs);
  const migrating = median(start.migratingMs);
  const bare = median(start.bareMs);
  // No /me runs when BENCH_ONLY named another load phase.
  const loaded = f.rssLoad.length > 0;
  const rssLoad = Math.max(...f.rssLoad);
  const rssBareLoad = Math.max(...f.rssBareLoad);

  const rows = [
    [
      `start to ready after a restart (spawn → \`GET /readyz\` 200; production mode, database already migrated; median of ${start.restartMs.length})`,
      `${f0(restart)} ms`,
      `${f0(bare)} ms (bare Node \`http\`: spawn → first answer)`,
      `+${f0(restart - bare)} ms`,
      `≤ ${f1(READY_GOAL_MS / 1000)} s`,
      met(restart <= READY_GOAL_MS),
    ],
    [
      `start to ready, first start on an empty database (it migrates; median of ${start.migratingMs.length}, for reference)`,
      `${f0(migrating)} ms`,
      `${f0(bare)} ms (bare)`,
      `+${f0(migrating - bare)} ms`,
      "–",
      "–",
    ],
    ["resident memory (RSS), idle after start", `${f0(f.rssIdle)} MiB`, `${f0(f.rssBareIdle)} MiB (bare)`, "–", "–", "–"],
    [
      "resident memory (RSS), max under the `/me` load",
      loaded ? `${f0(rssLoad)} MiB` : "not measured",
      loaded ? `${f0(rssBareLoad)} MiB (bare)` : "–",
      "–",
      `≤ ${RSS_LOAD_GOAL_MIB} MiB`,
      loaded ? met(rssLoad <= RSS_LOAD_GOAL_MIB) : "–",
    ],
  ];

  const missed: string[] = [];
  if (restart > READY_GOAL_MS) {
    missed.push(
      `- A restarted node is ready after ${f0(restart)} ms (median), ${f0(restart - READY_GOAL_MS)} ms over ${f1(READY_GOAL_MS / 1000)} s.`,
    );
  }
  if (loaded && rssLoad > RSS_LOAD_GOAL_MIB) {
    missed.push(
      `- Under the \`/me\` load the node's RSS reached ${f0(rssLoad)} MiB, ${f0(rssLoad - RSS_LOAD_GOAL_MIB)} MiB over ${RSS_LOAD_GOAL_MIB} MiB.`,
    );
  }

  const list = (values: number[]) => values.map(f0).join(", ");
  return {
    method:
      `Footprint: start to ready in ${start.restartMs.length} rounds, each a bare server start, an Usher start on an empty database ` +
      "(it migrates it), then a restart on that database, one process at a time with nothing else running; ready is the first 200 to a GET " +
      "polled every 5 ms on a fresh connection. RSS (VmRSS from /proc) is of the server process itself, not of a wrapper, " +
      "2 s after it started and the most seen in 100 ms samples during each `/me` run.",
    rows,
    missed,
    details: [
      `- Start to ready per round (ms): restart ${list(start.restartMs)}; first start, migrating ${list(start.migratingMs)}; ` +
        `bare ${list(start.bareMs)}. The restarted nodes' own "ready in" (from the \`serve\` command's start to listening, ` +
        `without Node's start-up and module loading): ${list(start.restartSelfMs)} ms.`,
      `- RSS measured of \`${f.command}\`; per \`/me\` run (MiB): usher ${list(f.rssLoad)}; bare ${list(f.rssBareLoad)}.`,
    ],
  };
}
