// Start-to-ready: from spawning a process until it answers, as an operator restarting a node (or
// an orchestrator waiting on its readiness probe) sees it. An Usher node counts as ready when
// GET /readyz answers 200; the bare Node server when it answers at all. Rounds interleave the three kinds of start, so that each sees the same machine.
import { spawn } from "node:child_process";
import { get } from "node:http";
import { BARE_SERVER } from "./load";
import { root, sleep } from "./support/common";
import { freePort, started, stopProcess } from "./support/processes";

export interface StartTimes {
  /** Spawn → ready on a database already migrated: a restart, what operators see. */
  restartMs: number[];
  /** Spawn → ready on an empty database: the first start, which migrates it. */
  migratingMs: number[];
  /** Spawn → the bare Node server's first answer. */
  bareMs: number[];
  /** What each restarted node said itself ("ready in N ms": from its command's start to listening, without Node's own start-up). */
  restartSelfMs: number[];
}

export interface StartTimeOptions {
  rounds: number;
  /** Node's arguments for an Usher node, and its environment on `databaseUrl`, listening on `port`. */
  usher: { args: string[]; env(port: number, databaseUrl: string): NodeJS.ProcessEnv };
  /** A new empty database, dropped by `drop`. */
  emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
}

/** Each round: the bare server, an Usher node on an empty database (it migrates), then one restarted on it. */
export async function measureStartTimes(options: StartTimeOptions): Promise<StartTimes> {
  const times: StartTimes = { restartMs: [], migratingMs: [], bareMs: [], restartSelfMs: [] };
  for (let round = 0; round < options.rounds; round++) {
    const barePort = await freePort();
    times.bareMs.push(
      (await timeStart(["-e", BARE_SERVER], { ...process.env, PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`)).ms,
    );
    const database = await options.emptyDatabase();
    try {
      const startUsher = async () => {
        const port = await freePort();
        return timeStart(options.usher.args, options.usher.env(port, database.url), `http://127.0.0.1:${port}/readyz`);
      };
      times.migratingMs.push((await startUsher()).ms);
      const restart = await startUsher();
      times.restartMs.push(restart.ms);
      const self = /ready in (\d+) ms/.exec(restart.output);
      if (self) times.restartSelfMs.push(Number(self[1]));
    } finally {
      await database.drop();
    }
  }
  return times;
}

/**
 * Spawns node with `args` and polls `readyUrl` until it answers 200, then stops the process.
 */
async function timeStart(args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<{ ms: number; output: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if ((await probe(readyUrl)) === 200) return { ms: performance.now() - t0, output };
      if (child.exitCode !== null) throw new Error(`node ${args.join(" ")} exited (${child.exitCode}) before it was ready:\n${output}`);
      if (performance.now() - t0 > 60_000) throw new Error(`node ${args.join(" ")} was not ready within 60 s:\n${output}`);
      await sleep(5);
    }
  } finally {
    await stopProcess(child);
  }
}

/** One GET on a fresh connection: its status, or undefined when nothing answers yet. */
function probe(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(undefined));
  });
}
