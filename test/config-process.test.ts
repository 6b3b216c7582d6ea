// `usher serve` with a bad environment, as real processes: each must print one line naming the
// variable, no stack, and exit with code 1 within 5 seconds, before it opens any connection
// that would keep it alive.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionNodeEnv } from "./support/usher-process";

const root = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "usher-config-process-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXIT_WITHIN_MS = 5_000;

interface Ended {
  code: number | null;
  /** Killed for taking longer than EXIT_WITHIN_MS. */
  timedOut: boolean;
  stderrLines: string[];
}

/** Runs `usher serve` on only what is given (plus PATH), killing it by its PID if it outlives the limit. */
function serve(name: string, env: NodeJS.ProcessEnv): Promise<Ended> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: join(scratch, name), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(child.pid, "SIGKILL");
  }, EXIT_WITHIN_MS);
  return new Promise((resolve) => {
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderrLines: stderr.split("\n").filter((line) => line.trim() !== "") });
    });
  });
}

// What production mode needs besides the secret, as the cluster tests' nodes have it. Nothing
// need listen on the database's port: the process must stop before it tries to connect.
const node = productionNodeEnv("postgres://postgres@127.0.0.1:5432/postgres");
const production = {
  DATABASE_URL: node.DATABASE_URL,
  SMTP_URL: node.SMTP_URL,
  SMS_PROVIDER: node.SMS_PROVIDER,
  SMS_WEBHOOK_URL: node.SMS_WEBHOOK_URL,
  SMS_WEBHOOK_SECRET: node.SMS_WEBHOOK_SECRET,
};
const shortKey = randomBytes(12).toString("base64");

const refused: { name: string; env: NodeJS.ProcessEnv; line: RegExp }[] = [
  { name: "missing-secret", env: production, line: /^SECRET_KEY is required with DATABASE_URL/ },
  {
    name: "short-secret",
    env: { ...production, SECRET_KEY: shortKey },
    line: /^SECRET_KEY must hold at least 32 random bytes.*it holds 12\.$/,
  },
  { name: "port", env: { PORT: "99999" }, line: /^PORT must be a port number from 0 to 65535, not "99999"\.$/ },
  {
    name: "log-level",
    env: { LOG_LEVEL: "verbose" },
    line: /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent, not "verbose"\.$/,
  },
  {
    name: "public-url",
    env: { PUBLIC_URL: "notaurl" },
    line: /^PUBLIC_URL must be an http:\/\/ or https:\/\/ URL with no path.*not "notaurl"\.$/,
  },
  {
    name: "weak-argon2",
    env: { ARGON2_MEMORY_KIB: "8" },
    line: /^ARGON2_MEMORY_KIB must be a whole number, at least 19456 \(the OWASP minimum.*not "8"\.$/,
  },
  { name: "redis-url", env: { REDIS_URL: "notaurl" }, line: /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL\.$/ },
];

// Weak costs allowed, so only the bad PORT may be reported (and the process need not start).
const weakAllowed = { ARGON2_MEMORY_KIB: "8", ARGON2_ALLOW_WEAK_FOR_TESTS: "1", PORT: "99999" };

/**
 * Side by side, one process per core: more at once would queue for the CPU, and a process's
 * 5 s would measure the queue rather than its own start.
 */
async function inLanes<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), items.length) }, lane));
  return results;
}

let ended: Ended[];
let endedWeakAllowed: Ended;
beforeAll(async () => {
  const runs = [...refused, { name: "weak-allowed", env: weakAllowed }];
  ended = await inLanes(runs, ({ name, env }) => serve(name, env));
  endedWeakAllowed = ended.pop()!;
}, 60_000);

describe("usher serve with a bad environment", () => {
  it("exits with code 1 within 5 s, printing one line that names the variable and no stack", () => {
    for (const [index, { name, line }] of refused.entries()) {
      const { code, timedOut, stderrLines } = ended[index]!;
      expect({ name, timedOut, code }).toEqual({ name, timedOut: false, code: 1 });
      expect(stderrLines, name).toEqual([expect.stringMatching(line)]);
      expect(stderrLines.join("\n"), name).not.toMatch(/^\s+at |Error:/m);
    }
  });

  it("never prints a refused SECRET_KEY", () => {
    expect(ended[refused.findIndex(({ name }) => name === "short-secret")]!.stderrLines.join("\n")).not.toContain(shortKey);
  });

  it("takes weak argon2id costs when ARGON2_ALLOW_WEAK_FOR_TESTS=1", () => {
    const { code, timedOut, stderrLines } = endedWeakAllowed;
    expect({ timedOut, code }).toEqual({ timedOut: false, code: 1 });
    expect(stderrLines).toEqual(['PORT must be a port number from 0 to 65535, not "99999".']);
  });
});
