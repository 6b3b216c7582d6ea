// What a verifier's cache costs in memory: a child process (so that the bench's own heap and
// load generator stay out of it) fills a session verifier with 100,000 live sessions from a
// fake Usher (another process, so that its work and memory stay out too) and reports its
// memory, after forced garbage collection, before and after. The child is
// bench/support/verifier-memory-child.ts, the fake Usher bench/support/fake-usher.ts.
import { spawn } from "node:child_process";
import type { VerifierStatus } from "usher/verifier";
import { root } from "./support/common";
import { freePort, started, startProcess, stopProcess } from "./support/processes";

interface Memory {
  /** Bytes, from process.memoryUsage() after forced collections. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface VerifierMemory {
  sessions: number;
  concurrency: number;
  /** Subscribed, with a lease, the connections to the fake Usher open, no live session cached. */
  before: Memory & { status: VerifierStatus };
  /** Right after the fill: V8 still holds the pages it grew its heap by to absorb the fill's garbage. */
  justAfter: Memory;
  /** Once the RSS stopped falling (collections a second apart), at most 10 s after the fill. */
  after: Memory & { status: VerifierStatus };
  /** How long the verify calls that filled the cache took, and the wait for the RSS to settle. */
  fillMs: number;
  settleMs: number;
  /** Subscriptions the fake Usher opened: 1 means the cache was never emptied by a new one. */
  hellos: number;
  /** Cached tokens verified again at the end, and how many of them still reached the fake Usher (must be 0). */
  recheck: number;
  recheckIntrospections: number;
}

export async function measureVerifierMemory(sessions: number): Promise<VerifierMemory> {
  const port = await freePort();
  const usher = await startProcess(
    "fake-usher",
    ["--import", "tsx", "bench/support/fake-usher.ts"],
    { ...process.env, PORT: String(port) },
    /fake usher ready/,
    port,
  );
  try {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/support/verifier-memory-child.ts"], {
      cwd: root,
      env: { ...process.env, SESSIONS: String(sessions), USHER_URL: usher.url },
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
  } finally {
    await stopProcess(usher.child);
  }
}
