// X-Request-Id end to end: every answer says the request's id (the caller's when it is a plain
// token, else a UUID of ours), every log line of the request names it, and every audit row the
// request writes keeps it, for operators. A refused id is never repeated anywhere.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  APP_ORIGIN,
  buildTestApp,
  type Device,
  nextIp,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { openEventStream } from "../../../test/support/event-stream";
import { LogCapture } from "../../../test/support/log-capture";
import { buildApp } from "../app";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TITLE = "the-lantern-keepers";

const webRoot = mkdtempSync(join(tmpdir(), "usher-request-ids-"));
let t: TestApp;
let baseUrl: string;
let viewer: Device;

beforeAll(async () => {
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(webRoot, "assets/app-1a2b.js"), "console.log('usher')");
  t = await buildTestApp({ webRoot, config: withoutPerIpLimits });
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
  viewer = t.browser({ ip: nextIp() });
  expect((await viewer.signUp(uniqueEmail("request-ids"))).statusCode).toBe(201);
});

afterAll(async () => {
  await t?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

const inject = async (options: InjectOptions, requestId: Record<string, string>): Promise<Answer> => {
  const response = await t.app.inject({ ...options, headers: { ...(options.headers as Record<string, string>), ...requestId } });
  return { status: response.statusCode, headers: response.headers as IncomingHttpHeaders };
};

const asPage = { accept: "text/html,application/xhtml+xml" };
const asJson = { "content-type": "application/json", origin: APP_ORIGIN };

/** The event stream over a real socket, as a browser opens it; closed once its head has arrived. */
async function eventStream(requestId: Record<string, string>): Promise<Answer> {
  const stream = await openEventStream(`${baseUrl}/api/v1/sessions/events`, {
    cookie: `${SESSION_COOKIE}=${viewer.sessionToken}`,
    ...requestId,
  });
  stream.close();
  return { status: stream.status, headers: stream.headers };
}

/** A WebSocket upgrade to a route that takes none, refused before any upgrade (no session). */
async function refusedUpgrade(requestId: Record<string, string>): Promise<Answer> {
  const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/api/v1/account`, { headers: requestId });
  return new Promise((resolve, reject) => {
    socket.on("unexpected-response", (_request, response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
      response.destroy();
    });
    socket.on("open", () => reject(new Error("the upgrade was accepted")));
    socket.on("error", reject);
  });
}

const ANSWERS: [string, number, (requestId: Record<string, string>) => Promise<Answer>][] = [
  ["a JSON route", 200, (id) => inject({ method: "GET", url: "/api/v1/titles" }, id)],
  ["/healthz", 200, (id) => inject({ method: "GET", url: "/healthz" }, id)],
  ["an unknown address (404)", 404, (id) => inject({ method: "GET", url: "/api/v1/nothing-here" }, id)],
  ["an error from the catalogue (401)", 401, (id) => inject({ method: "GET", url: "/api/v1/account" }, id)],
  ["malformed JSON (400)", 400, (id) => inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: asJson, payload: '{"email":' }, id)],
  [
    "a body over the limit (413)",
    413,
    (id) =>
      inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: asJson, payload: JSON.stringify({ email: "x".repeat(20_000) }) }, id),
  ],
  [
    "a text/plain body (415)",
    415,
    (id) =>
      inject({ method: "POST", url: "/api/v1/auth/sign-in", headers: { ...asJson, "content-type": "text/plain" }, payload: "{}" }, id),
  ],
  ["a badly encoded address, refused before routing", 400, (id) => inject({ method: "GET", url: "/api/v1/profiles/%E0%A4%A" }, id)],
  ["the web app's first page", 200, (id) => inject({ method: "GET", url: "/", headers: asPage }, id)],
  ["the web app's page fallback", 200, (id) => inject({ method: "GET", url: "/account", headers: asPage }, id)],
  ["a static asset", 200, (id) => inject({ method: "GET", url: "/assets/app-1a2b.js" }, id)],
  ["OAuth metadata", 200, (id) => inject({ method: "GET", url: "/.well-known/oauth-authorization-server" }, id)],
  [
    "an OAuth error",
    400,
    (id) =>
      inject(
        {
          method: "POST",
          url: "/oauth/token",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "grant_type=nonsense",
        },
        id,
      ),
  ],
  ["the session event stream", 200, eventStream],
  ["a refused session event stream", 401, (id) => inject({ method: "GET", url: "/api/v1/sessions/events" }, id)],
  ["a refused WebSocket upgrade", 401, refusedUpgrade],
];

describe.each(ANSWERS)("X-Request-Id on %s", (_label, status, answer) => {
  it.each([
    ["a UUID", "0b6e4f6c-6f0e-4c52-9a3e-2f1d8f0b9a11"],
    ["a balancer's token", "lb-7f3a9c.42:span-1"],
    ["64 characters", "r".repeat(64)],
  ])("comes back unchanged when the caller's is %s", async (_case, id) => {
    const answered = await answer({ "x-request-id": id });
    expect(answered.status).toBe(status);
    expect(answered.headers["x-request-id"]).toBe(id);
  });

  it.each([
    ["65 characters", "r".repeat(65)],
    ["with spaces", "not a token"],
    ["markup", "<script>alert(1)</script>"],
    ["empty", ""],
  ])("is a UUID of ours when the caller's is %s", async (_case, id) => {
    const answered = await answer({ "x-request-id": id });
    expect(answered.status).toBe(status);
    expect(answered.headers["x-request-id"]).toMatch(UUID);
  });

  it("is a new UUID for each request that sends none", async () => {
    const [first, second] = [await answer({}), await answer({})];
    expect(first.headers["x-request-id"]).toMatch(UUID);
    expect(second.headers["x-request-id"]).toMatch(UUID);
    expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
  });
});

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
}

describe("the log", () => {
  it("names the request's id on every line the request logs", async () => {
    const logs = new LogCapture();
    // /healthz logs a warning of its own while the database is down: a line besides Fastify's two.
    const app = await buildApp({
      core: t.core,
      allowedOrigins: [APP_ORIGIN],
      production: false,
      checkDatabase: async () => {
        throw new Error("database unreachable");
      },
      logger: { level: "trace", stream: logs.stream },
    });
    try {
      const before = logs.lines.length;
      const response = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "ops-trace.7" } });
      expect(response.statusCode).toBe(503);
      const lines = logs.lines.slice(before).map((line) => JSON.parse(line) as LogLine);
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["incoming request", "request completed"]));
      expect(lines.some((line) => line.level >= 40)).toBe(true);
      expect(lines.filter((line) => line.reqId !== "ops-trace.7")).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.each([
    ["markup", '<script>alert("refused-id")</script>'],
    ["65 characters", `refused-id-${"r".repeat(54)}`],
    ["a forged log field", 'refused-id","level":60,"msg":"forged'],
  ])("never carries a refused id (%s), only the UUID answered in its place", async (_case, refused) => {
    const before = t.logs.lines.length;
    const response = await viewer.get("/api/v1/account", { headers: { "x-request-id": refused } });
    expect(response.statusCode).toBe(200);
    const answered = response.headers["x-request-id"];
    expect(answered).toMatch(UUID);
    const lines = t.logs.lines.slice(before);
    expect(lines.filter((line) => line.includes("refused-id"))).toEqual([]);
    const own = lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.reqId === answered);
    expect(own.map((line) => line.msg)).toEqual(expect.arrayContaining(["incoming request", "request completed"]));
  });
});

describe("audit rows", () => {
  const requestIdsOf = async (accountId: string, type: string) =>
    (
      await t.query<{ request_id: string | null }>(
        sql`select request_id from audit_event where account_id = ${accountId} and type = ${type} order by at`,
      )
    ).map((row) => row.request_id);

  const accountOf = async (email: string) => (await t.query<{ id: string }>(sql`select id from account where email = ${email}`))[0]!.id;

  it("keep the id of the sign-up and of the sign-in that wrote them", async () => {
    const email = uniqueEmail("audited");
    const laptop = t.browser({ ip: nextIp() });
    const signUp = await laptop.post(
      "/api/v1/auth/sign-up",
      { email, password: STRONG_PASSWORD },
      { headers: { "x-request-id": "signup-1" } },
    );
    expect(signUp.statusCode).toBe(201);
    const phone = t.phoneApp({ ip: nextIp() });
    const signIn = await phone.post(
      "/api/v1/auth/sign-in",
      { email, password: STRONG_PASSWORD, ...phone.appFields },
      { headers: { "x-request-id": "edge:signin.2" } },
    );
    expect(signIn.statusCode).toBe(200);
    const accountId = await accountOf(email);
    expect(await requestIdsOf(accountId, "account_created")).toEqual(["signup-1"]);
    expect(await requestIdsOf(accountId, "signed_in")).toEqual(["signup-1", "edge:signin.2"]);
  });

  it("keep the UUID answered when the caller's id was refused", async () => {
    const email = uniqueEmail("audited");
    const laptop = t.browser({ ip: nextIp() });
    const signUp = await laptop.post(
      "/api/v1/auth/sign-up",
      { email, password: STRONG_PASSWORD },
      { headers: { "x-request-id": "<script>" } },
    );
    expect(signUp.statusCode).toBe(201);
    expect(await requestIdsOf(await accountOf(email), "account_created")).toEqual([signUp.headers["x-request-id"]]);
  });

  it("keep the asking request's id on a sign-in code's row, written when the code goes out", async () => {
    const email = uniqueEmail("audited");
    expect((await t.browser({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);
    const asked = await t
      .browser({ ip: nextIp() })
      .post("/api/v1/auth/sign-in-code", { email }, { headers: { "x-request-id": "code-ask-3" } });
    expect(asked.statusCode).toBe(202);
    await t.delivered();
    expect(await requestIdsOf(await accountOf(email), "sign_in_code_requested")).toEqual(["code-ask-3"]);
  });

  it("keep the id on watching rows, which carry no address", async () => {
    const email = uniqueEmail("audited");
    const tv = t.browser({ ip: nextIp() });
    expect((await tv.signUp(email)).statusCode).toBe(201);
    expect((await tv.post("/api/v1/streams", { titleId: TITLE }, { headers: { "x-request-id": "watch-4" } })).statusCode).toBe(201);
    expect(await requestIdsOf(await accountOf(email), "watching_started")).toEqual(["watch-4"]);
  });

  it("are not shown to the account's owner", async () => {
    const email = uniqueEmail("audited");
    const laptop = t.browser({ ip: nextIp() });
    expect(
      (await laptop.post("/api/v1/auth/sign-up", { email, password: STRONG_PASSWORD }, { headers: { "x-request-id": "hidden-5" } }))
        .statusCode,
    ).toBe(201);
    const activity = await laptop.get("/api/v1/account/activity");
    expect(activity.statusCode).toBe(200);
    expect(activity.json().events.length).toBeGreaterThan(0);
    expect(activity.body).not.toContain("hidden-5");
  });
});
