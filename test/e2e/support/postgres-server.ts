// A server of a test's own, on a fresh PostgreSQL database, for what the shared servers cannot
// show: the support CLI (usher accounts …) opens the database while the server runs, which an
// embedded database allows one process at a time. Built server and CLI, as production runs them.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestDatabase, type TestDatabase } from "../../support/databases";
import { freePort } from "../../support/free-port";
import { urlPrintedBy } from "../../support/printed-url";
import { stopUsherProcess } from "../../support/usher-process";
import { smtpPort } from "./servers";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export interface PostgresServer {
  url: string;
  /** `usher <args>` on the same database; rejects when it exits non-zero. */
  usher(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const database: TestDatabase = await createTestDatabase("postgres");
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: database.url!,
    SECRET_KEY: randomBytes(32).toString("base64"),
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: "warn",
    ARGON2_MEMORY_KIB: "1024",
    ARGON2_ITERATIONS: "1",
    ARGON2_ALLOW_WEAK_FOR_TESTS: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMS_PROVIDER: "webhook",
    SMS_WEBHOOK_URL: "http://127.0.0.1:9/sms",
    SMS_WEBHOOK_SECRET: "e2e-sms-secret",
  };
  const child: ChildProcess = spawn(process.execPath, ["dist/server/usher.js", "serve"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await urlPrintedBy(child, "Usher is running at", "the PostgreSQL server");
  } catch (error) {
    await stopUsherProcess(child);
    await database.drop();
    throw error;
  }
  const run = promisify(execFile);
  return {
    url: `http://localhost:${port}`,
    usher: async (...args) => (await run(process.execPath, ["dist/server/usher.js", ...args], { cwd: root, env })).stdout,
    async stop() {
      await stopUsherProcess(child);
      await database.drop();
    },
  };
}
