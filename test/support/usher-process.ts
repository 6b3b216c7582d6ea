// `usher serve` as a real process for tests that need several nodes or a crash: run as
// `node --import tsx src/cli/main.ts serve` (what the tsx binary does, minus its wrapper
// process), so the PID a test signals is the server itself.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { urlPrintedBy } from "./printed-url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The environment of a production-mode node on `databaseUrl`, with `overrides` on top: a free
 * port, cheap argon2id (hashing cost is measured elsewhere), rate limits in process, and
 * delivery settings production mode requires (port 9 discards, unless a test points them at
 * its own peer). Nodes given the same environment share one SECRET_KEY, as in a real cluster.
 */
export function productionNodeEnv(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SECRET_KEY: randomBytes(32).toString("base64"),
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "warn",
    ARGON2_MEMORY_KIB: "1024",
    ARGON2_ITERATIONS: "1",
    ARGON2_PARALLELISM: "1",
    ARGON2_ALLOW_WEAK_FOR_TESTS: "1",
    REDIS_URL: "",
    SMTP_URL: "smtp://127.0.0.1:9",
    SMS_PROVIDER: "webhook",
    SMS_WEBHOOK_URL: "http://127.0.0.1:9/sms",
    SMS_WEBHOOK_SECRET: "test-webhook-secret",
    ...overrides,
  };
}

export interface UsherProcess {
  url: string;
  child: ChildProcess;
}

/** Starts a node and resolves with the URL it prints once it is ready (60 s at most). */
export async function startUsherProcess(name: string, env: NodeJS.ProcessEnv, started: ChildProcess[]): Promise<UsherProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const url = await urlPrintedBy(child, "Usher is running at", `node ${name}`);
  return { url, child };
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
export async function stopUsherProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
