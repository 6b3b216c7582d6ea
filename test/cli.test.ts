// The operator's entry points, run from source as real processes: `usher migrate` and
// `usher serve` on a fresh embedded database. The built server, as `npm start` runs it, is
// tested in production-install.test.ts.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./support/free-port";
import { urlPrintedBy } from "./support/printed-url";
import { stopUsherProcess } from "./support/usher-process";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");
const dataDir = mkdtempSync(join(tmpdir(), "usher-cli-"));
const env = { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", DATABASE_URL: "" };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("usher CLI", () => {
  // Real processes on a shared 2-core machine: a start can take many seconds under load.
  it("migrates an empty embedded database, and again without change", { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const first = await run(tsx, ["src/cli/main.ts", "migrate"], { cwd: root, env });
    expect(first.stdout).toContain("Database is up to date");
    const second = await run(tsx, ["src/cli/main.ts", "migrate"], { cwd: root, env });
    expect(second.stdout).toContain("Database is up to date");
  });

  it("serves: prints the URL, answers /healthz, keeps its secret private, and stops on SIGTERM", async () => {
    const child = spawn(tsx, ["src/cli/main.ts", "serve"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Usher is running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
    });
    try {
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      expect(statSync(join(dataDir, "secret.key")).mode & 0o077).toBe(0);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 60_000);

  it("serves under PUBLIC_URL: prints it, and sends pages opened under another name of this server there", async () => {
    const port = await freePort();
    const publicUrl = `http://usher.test:${port}`;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
      cwd: root,
      env: { ...env, PORT: String(port), PUBLIC_URL: publicUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      expect(await urlPrintedBy(child, "Usher is running at", "usher serve")).toBe(publicUrl);
      const page = await fetch(`http://127.0.0.1:${port}/sign-up`, { headers: { accept: "text/html" }, redirect: "manual" });
      expect([page.status, page.headers.get("location")]).toEqual([302, `${publicUrl}/sign-up`]);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await stopUsherProcess(child);
    }
  }, 60_000);

  it("prints its commands for help, and fails on an unknown one", async () => {
    const run = promisify(execFile);
    const help = await run(tsx, ["src/cli/main.ts", "help"], { cwd: root, env });
    expect(help.stdout).toContain("migrate");
    await expect(run(tsx, ["src/cli/main.ts", "frobnicate"], { cwd: root, env })).rejects.toThrow();
  });
});
