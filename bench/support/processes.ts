// Processes the bench starts: every one is remembered and ended by its PID.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { log, root, sleep } from "./common";

/**
 * Node's arguments for an Usher node exactly as production starts it: package.json's `start`
 * script (`exec node <arguments>`), the built bundle with its Node flags.
 */
export const USHER_SERVE: string[] = (() => {
  const start: string = JSON.parse(readFileSync(`${root}/package.json`, "utf8")).scripts.start;
  const match = /^exec node (.+)$/.exec(start);
  if (!match) throw new Error(`package.json's start script is not "exec node …": ${start}`);
  return match[1]!.split(/\s+/);
})();

/** Builds dist/server from this checkout (about a second), so that a stale bundle is never measured. */
export function buildServer(): void {
  execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: "inherit" });
}

/** A process's command line, from /proc: says what a PID measured is. */
export function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
}

export async function freePort(): Promise<number> {
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

export const started = new Set<ChildProcess>();

export interface Node {
  child: ChildProcess;
  pid: number;
  url: string;
}

export async function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, readyLine: RegExp, port: number): Promise<Node> {
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

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout" as const);
  if ((await Promise.race([exited, timeout])) === "timeout" && child.exitCode === null) {
    process.kill(child.pid, "SIGKILL");
    await exited;
  }
}

/** Ends every process still running (on an error or Ctrl-C). */
export const stopAll = () => {
  for (const child of started) if (child.pid && child.exitCode === null) process.kill(child.pid, "SIGTERM");
};
