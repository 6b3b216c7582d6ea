// A production install made as an operator makes one: the server built into plain JavaScript
// and copied with package.json, the lockfile and the prepare script; `npm ci --omit=dev` (no
// build tools, no browser packages); then `npm start` on PostgreSQL, stopped by signals sent to
// the npm process, as a container runtime or systemd sends them.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountWithDevices } from "./support/cluster";
import { adminQuery, postgresAdminUrl, withDatabase } from "./support/databases";
import { openEventStream } from "./support/event-stream";
import { urlPrintedBy } from "./support/printed-url";
import { productionNodeEnv } from "./support/usher-process";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const install = mkdtempSync(join(tmpdir(), "usher-production-"));
const databaseName = `usher_test_production_${randomBytes(4).toString("hex")}`;
const databaseUrl = withDatabase(postgresAdminUrl, databaseName);
const started: ChildProcess[] = [];
let installOutput = "";

beforeAll(async () => {
  // What an image build copies from a build stage: the manifest, the lockfile, the prepare script and dist/.
  for (const file of ["package.json", "package-lock.json", "scripts/prepare.mjs"]) cpSync(join(root, file), join(install, file));
  mkdirSync(join(install, "dist"));
  await run(process.execPath, [join(root, "scripts/build-server.mjs"), "--out", join(install, "dist/server")]);
  // The npm cache already holds every package (CI's own install filled it): offline when it can.
  const installed = await run("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: install });
  installOutput = installed.stdout + installed.stderr;
  await adminQuery(`create database ${databaseName}`);
}, 180_000);

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(install, { recursive: true, force: true });
  await adminQuery(`drop database if exists ${databaseName} with (force)`);
});

interface NpmStart {
  npm: ChildProcess;
  /** The server process npm started (its only child: `exec` in the start script). */
  serverPid: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

async function npmStart(overrides: NodeJS.ProcessEnv = {}): Promise<NpmStart> {
  const npm = spawn("npm", ["start"], { cwd: install, env: productionNodeEnv(databaseUrl, overrides), stdio: ["ignore", "pipe", "pipe"] });
  started.push(npm);
  let output = "";
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const url = await urlPrintedBy(npm, "Usher is running at", "npm start");
  const children = execFileSync("pgrep", ["-P", String(npm.pid)], { encoding: "utf8" })
    .trim()
    .split("\n");
  expect(children).toHaveLength(1);
  return { npm, serverPid: Number(children[0]), url, output: () => output, exited };
}

async function readiness(url: string): Promise<{ status: number; body: { status: string } }> {
  const answer = await fetch(`${url}/readyz`);
  return { status: answer.status, body: (await answer.json()) as { status: string } };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });

/** A sign-in whose body arrives in two parts: in flight from the first part until `finish()`. */
function signInInTwoParts(url: string, email: string, password: string) {
  const body = JSON.stringify({ email, password, client: { kind: "mobile", name: "Phone in flight" } });
  const half = Math.floor(body.length / 2);
  const outgoing = request(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    agent: false,
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on("error", reject);
  });
  answered.catch(() => {}); // awaited by the test; a failure before then is not an unhandled one
  const sent = new Promise<void>((resolve) => outgoing.write(body.slice(0, half), () => resolve()));
  return { sent, finish: () => outgoing.end(body.slice(half)), answered };
}

describe("a production install", () => {
  it("holds the runtime packages only, and runs what was built", () => {
    expect(installOutput).toContain("production install; running the server built in dist/");
    for (const runtime of ["fastify", "pg", "@node-rs/argon2", "@electric-sql/pglite", "prom-client"]) {
      expect(existsSync(join(install, "node_modules", runtime)), runtime).toBe(true);
    }
    for (const buildTool of ["vite", "tsx", "esbuild", "typescript", "vitest", "react", "react-dom", "react-router"]) {
      expect(existsSync(join(install, "node_modules", buildTool)), buildTool).toBe(false);
    }
  });

  it("stops on SIGTERM sent to `npm start`: readiness fails first, the request in flight and the event stream end cleanly, exit 0", async () => {
    const server = await npmStart({ SHUTDOWN_DELAY_SECONDS: "1" });
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);
    expect(await readiness(server.url)).toEqual({ status: 200, body: expect.objectContaining({ status: "ready" }) });
    const node = { name: "production", url: server.url };
    const { email, devices } = await accountWithDevices([node], 1);
    const stream = await openEventStream(`${server.url}/api/v1/sessions/events`, { authorization: `Bearer ${devices[0]!.token}` });
    expect((await stream.next())?.event).toBe("ready");

    process.kill(server.npm.pid!, "SIGTERM");
    // Within the pre-stop delay: still listening, but no longer ready.
    let ready = await readiness(server.url);
    while (ready.status === 200) ready = await readiness(server.url);
    expect(ready).toEqual({ status: 503, body: expect.objectContaining({ status: "shutting_down" }) });
    const inFlight = signInInTwoParts(server.url, email, "violet-kettle-harbour-42");
    await inFlight.sent;

    // After the delay the node drains: the event stream ends with a reconnection hint…
    expect(await stream.next(10_000)).toBeNull();
    expect(stream.retries).toHaveLength(2);
    expect(stream.retries[1]).toBeGreaterThanOrEqual(2_000);
    // …while the request that arrived before it still gets its whole answer.
    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer.status, answer.body).toBe(200);

    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(
      /Usher stopped on SIGTERM in [\d.]+ s: requests in flight finished, 1 event stream and 0 verifier subscriptions closed/,
    );
    expect(isRunning(server.serverPid)).toBe(false);
    expect(await refusesConnections(server.url)).toBe(true);
  }, 60_000);

  it("stops on SIGINT (Ctrl-C) too", async () => {
    const server = await npmStart();
    process.kill(server.npm.pid!, "SIGINT");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Usher stopped on SIGINT");
    expect(isRunning(server.serverPid)).toBe(false);
  }, 60_000);

  it("exits 1 at SHUTDOWN_TIMEOUT_SECONDS when a request never finishes", async () => {
    const server = await npmStart({ SHUTDOWN_TIMEOUT_SECONDS: "1" });
    const stuck = signInInTwoParts(server.url, "nobody@example.com", "never-finished-body");
    await stuck.sent;
    // Answered after the server took the earlier connection and its first bytes.
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);
    process.kill(server.npm.pid!, "SIGTERM");
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Usher did not stop within SHUTDOWN_TIMEOUT_SECONDS (1 s) of SIGTERM");
    expect(isRunning(server.serverPid)).toBe(false);
  }, 60_000);
});
