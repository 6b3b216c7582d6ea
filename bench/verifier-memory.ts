// What a verifier's cache costs in memory: a child process (so that the bench's own heap and
// load generator stay out of it) fills a session verifier with 100,000 live sessions from a
// fake Usher and reports its memory, after forced garbage collection, before and after.
// The child is bench/support/verifier-memory-child.ts.
import { spawn } from "node:child_process";
import type { VerifierStatus } from "usher/verifier";
import { root } from "./support/common";
import { started } from "./support/processes";

interface Memory {
  /** Bytes, from process.memoryUsage() after three forced collections. */
  rss: number;
  heapUsed: number;
  external: number;
  status: VerifierStatus;
}

export interface VerifierMemory {
  sessions: number;
  concurrency: number;
  /** Subscribed, with a lease, the connections to the fake Usher open, no live session cached. */
  before: Memory;
  after: Memory;
  /** How long the verify calls that filled the cache took. */
  fillMs: number;
  /** Subscriptions the fake Usher opened: 1 means the cache was never emptied by a new one. */
  hellos: number;
  /** Cached tokens verified again at the end, and how many of them still reached the fake Usher (must be 0). */
  recheck: number;
  recheckIntrospections: number;
}

export async function measureVerifierMemory(sessions: number): Promise<VerifierMemory> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/support/verifier-memory-child.ts"], {
    cwd: root,
    env: { ...process.env, SESSIONS: String(sessions) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  started.delete(child);
  if (code !== 0) throw new Error(`the verifier-memory child failed (${code}):\n${output}`);
  const line = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as VerifierMemory;
}
