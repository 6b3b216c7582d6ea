// Prometheus metrics from a node started as `npm start` starts it (real HTTP, the database of
// the run: PGlite, or PostgreSQL in the "postgres" project), scraped from the listener of
// their own: sign-ins, refusals, ended sessions, failed deliveries and what is open move as
// the requests that cause them are answered.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cheapArgon2, STRONG_PASSWORD, uniqueEmail } from "../../test/helper";
import { createTestDatabase, routeTestDatabase, type TestDatabase } from "../../test/support/databases";
import { openEventStream } from "../../test/support/event-stream";
import { freePort } from "../../test/support/free-port";
import { minutes } from "../core/clock";
import { readConfig, type ServerConfig } from "./config";
import { type RunningServer, startServer } from "./main";

const dataDirs: string[] = [];
let postgres: TestDatabase | undefined;
let server: RunningServer;

/**
 * A node's configuration on this run's database: the nodes of this file share one PostgreSQL
 * database, or each has a PGlite in memory loaded from the run's migrated dump (no initdb).
 */
async function configFor(env: NodeJS.ProcessEnv): Promise<ServerConfig> {
  const dataDir = mkdtempSync(join(tmpdir(), "usher-metrics-"));
  dataDirs.push(dataDir);
  const config = readConfig({ DATA_DIR: dataDir, PORT: "0", PUBLIC_URL: "http://localhost:3000", ...env });
  if (routeTestDatabase === "postgres") postgres ??= await createTestDatabase("postgres");
  const database: ServerConfig["database"] = postgres
    ? { kind: "postgres", url: postgres.url!, poolSize: 5 }
    : { kind: "pglite", loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) };
  return { ...config, argon2: cheapArgon2, database };
}

beforeAll(async () => {
  // Every session revoked goes out as a webhook to a port nobody listens on: a failed send.
  const hook = `http://127.0.0.1:${await freePort()}/hook`;
  const secret = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
  const config = await configFor({
    METRICS_PORT: "0",
    WEBHOOK_ENDPOINTS: JSON.stringify([{ id: "billing", url: hook, secret, events: ["session.revoked"] }]),
  });
  const limits = { ...config.core.limits, signInPerAccountAndIp: { limit: 2, windowMs: minutes(15) } };
  server = await startServer({ ...config, core: { ...config.core, limits } }, { logger: false });
});

afterAll(async () => {
  await server?.close();
  await postgres?.drop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of one scrape, parsed from the text format. */
async function scrape(): Promise<Sample[]> {
  const response = await fetch(server.metricsUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const samples: Sample[] = [];
  for (const line of (await response.text()).split("\n")) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k!, v!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named so whose labels include `labels`; undefined when there are none. */
function sampled(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return matching.length > 0 ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}

/** How much a counter moved between two scrapes (a series absent before started at 0). */
const moved = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}) =>
  (sampled(after, name, labels) ?? 0) - (sampled(before, name, labels) ?? 0);

async function post(path: string, body?: unknown, token?: string) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Scrapes until `ready` holds (what the outbox does happens after the answer), or gives the last scrape. */
async function scrapeUntil(ready: (samples: Sample[]) => boolean): Promise<Sample[]> {
  let samples = await scrape();
  for (let i = 0; i < 50 && !ready(samples); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    samples = await scrape();
  }
  return samples;
}

describe("metrics", () => {
  it("count sign-ins by outcome, refusals by limit, ended sessions by reason, and failed webhook sends by channel", async () => {
    const before = await scrape();
    const email = uniqueEmail("metrics");
    const phone = { kind: "mobile" as const };
    const signedUp = await post("/api/v1/auth/sign-up", { email, password: STRONG_PASSWORD, client: phone });
    expect(signedUp.status).toBe(201);
    const { token } = (await signedUp.json()) as { token: string };
    expect((await post("/api/v1/auth/sign-in", { email, password: STRONG_PASSWORD, client: phone })).status).toBe(200);
    const wrong = { email, password: "not-the-password-at-all", client: phone };
    expect((await post("/api/v1/auth/sign-in", wrong)).status).toBe(401);
    expect((await post("/api/v1/auth/sign-in", wrong)).status).toBe(401);
    expect((await post("/api/v1/auth/sign-in", wrong)).status).toBe(429);

    const screen = await openEventStream(`${server.url}/api/v1/sessions/events`, { authorization: `Bearer ${token}` });
    expect(screen.status).toBe(200);
    expect((await screen.next())?.event).toBe("ready");
    expect(sampled(await scrape(), "usher_event_streams_open")).toBe(1);

    expect((await post("/api/v1/sessions/sign-out-all", undefined, token)).status).toBe(200);
    expect((await screen.next())?.event).toBe("signed-out");
    screen.close();

    const after = await scrapeUntil((samples) => moved(before, samples, "usher_outbox_retries_total", { channel: "webhook" }) >= 2);
    const password = { method: "password" };
    expect(moved(before, after, "usher_sign_ins_total", { ...password, outcome: "success" })).toBe(1);
    expect(moved(before, after, "usher_sign_ins_total", { ...password, outcome: "invalid_credentials" })).toBe(2);
    expect(moved(before, after, "usher_sign_ins_total", { ...password, outcome: "throttled" })).toBe(1);
    expect(moved(before, after, "usher_throttled_total", { limit: "signInPerAccountAndIp" })).toBe(1);
    expect(moved(before, after, "usher_sessions_ended_total", { reason: "signed_out_all_devices" })).toBe(2);
    expect(moved(before, after, "usher_outbox_retries_total", { channel: "webhook" })).toBe(2);
    expect(sampled(after, "usher_event_streams_open")).toBe(0);
    // The two webhooks wait for their retry.
    expect(sampled(after, "usher_outbox_pending")).toBeGreaterThanOrEqual(2);
    expect(sampled(after, "usher_outbox_oldest_pending_age_seconds")).toBeGreaterThan(0);
  });

  it("label requests by the route that matched, never by the URL", async () => {
    const id = crypto.randomUUID();
    const before = await scrape();
    expect((await fetch(`${server.url}/api/v1/sessions/${id}`, { method: "DELETE" })).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/no-such-thing/${id}`)).status).toBe(404);
    const after = await scrape();

    const route = { route: "/api/v1/sessions/:id", method: "DELETE", status: "401" };
    expect(moved(before, after, "usher_http_requests_total", route)).toBe(1);
    expect(moved(before, after, "usher_http_request_duration_seconds_count", route)).toBe(1);
    expect(moved(before, after, "usher_http_requests_total", { route: "unmatched", status: "404" })).toBe(1);
    expect(after.some((sample) => Object.values(sample.labels).some((value) => value.includes(id)))).toBe(false);
    expect(sampled(after, "usher_http_requests_total", { route: "/api/v1/auth/sign-in", method: "POST", status: "401" })).toBe(2);
  });

  it("read what the node holds and what the database holds, under names that all start with usher_", async () => {
    const samples = await scrape();
    expect(samples.every((sample) => sample.name.startsWith("usher_"))).toBe(true);
    expect(sampled(samples, "usher_verifier_subscribers")).toBe(0);
    expect(sampled(samples, "usher_password_hashes_waiting")).toBe(0);
    expect(sampled(samples, "usher_streams_live")).toBe(0);
    expect(sampled(samples, "usher_process_cpu_user_seconds_total")).toBeGreaterThan(0);
    // PGlite is one connection in process: no pool to report.
    const pool = sampled(samples, "usher_db_pool_connections");
    if (routeTestDatabase === "postgres") expect(pool).toBeGreaterThan(0);
    else expect(pool).toBeUndefined();
  });

  it("are served on a port of their own, and only at GET /metrics", async () => {
    const metrics = new URL(server.metricsUrl!);
    expect(metrics.hostname).toBe("127.0.0.1");
    expect(metrics.port).not.toBe(new URL(server.url).port);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(new URL("/", metrics))).status).toBe(404);
    expect((await fetch(metrics, { method: "POST" })).status).toBe(404);
  });

  it("are not served at all without METRICS_PORT", async () => {
    const config = await configFor({});
    expect(config.metrics).toBeUndefined();
    const quiet = await startServer(config, { logger: false });
    try {
      expect(quiet.metricsUrl).toBeUndefined();
      expect((await fetch(`${quiet.url}/metrics`)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});
