// Bad input of any shape, on every route that takes a body: a 4xx from the catalogue with a
// code and a message, never a 5xx, and never a write.
import { sql } from "drizzle-orm";
import Fastify, { type InjectOptions, type LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import { errorCatalogue } from "../../contract/errors";
import englishApi from "../../locales/en/api.json";
import { buildApp } from "../app";
import { frameworkErrors, registerErrorMapper } from "./error-mapper";

const TABLES = ["account", "profile", "session", "one_time_code", "audit_event", "outbox"] as const;

let t: TestApp;
let phone: Device;
let email: string;
let profileId: string;

beforeAll(async () => {
  t = await buildTestApp();
  email = uniqueEmail();
  phone = t.phoneApp();
  expect((await phone.signUp(email)).statusCode).toBe(201);
  const profile = await phone.post("/api/v1/profiles", { name: "Kids" });
  expect(profile.statusCode).toBe(201);
  profileId = profile.json().profile.id;
});

afterAll(async () => {
  await t?.close();
});

interface BodyRoute {
  name: string;
  method: "POST" | "PUT" | "PATCH";
  url: () => string;
  /** A body the route would act on: the cases below spoil it in one way each. */
  valid: () => Record<string, unknown>;
  wrongTypes: Record<string, unknown>;
  /** The paths of `issues` that wrongTypes must produce. */
  wrongPaths: string[];
}

const ROUTES: BodyRoute[] = [
  {
    name: "sign-up",
    method: "POST",
    url: () => "/api/v1/auth/sign-up",
    valid: () => ({ email: uniqueEmail("new"), password: STRONG_PASSWORD }),
    wrongTypes: { email: 42, password: STRONG_PASSWORD },
    wrongPaths: ["body.email"],
  },
  {
    name: "sign-in",
    method: "POST",
    url: () => "/api/v1/auth/sign-in",
    valid: () => ({ email, password: STRONG_PASSWORD }),
    wrongTypes: { email: "someone@example.com", password: 12345678 },
    wrongPaths: ["body.password"],
  },
  {
    name: "change password",
    method: "POST",
    url: () => "/api/v1/account/password",
    valid: () => ({ currentPassword: STRONG_PASSWORD, newPassword: "amber-lantern-meadow-77" }),
    wrongTypes: { currentPassword: STRONG_PASSWORD, newPassword: "amber-lantern-meadow-77", signOutOtherDevices: "yes" },
    wrongPaths: ["body.signOutOtherDevices"],
  },
  {
    name: "add phone number",
    method: "PUT",
    url: () => "/api/v1/account/phone",
    valid: () => ({ phone: "+1 415 555 2671", currentPassword: STRONG_PASSWORD, smsOptIn: true }),
    wrongTypes: { phone: 4155552671, currentPassword: STRONG_PASSWORD, smsOptIn: "true" },
    wrongPaths: ["body.phone", "body.smsOptIn"],
  },
  {
    name: "verify phone",
    method: "POST",
    url: () => "/api/v1/account/phone/verify",
    valid: () => ({ code: "123456" }),
    wrongTypes: { code: 123456 },
    wrongPaths: ["body.code"],
  },
  {
    name: "remove phone",
    method: "POST",
    url: () => "/api/v1/account/phone/remove",
    valid: () => ({ currentPassword: STRONG_PASSWORD }),
    wrongTypes: { currentPassword: null },
    wrongPaths: ["body.currentPassword"],
  },
  {
    name: "create profile",
    method: "POST",
    url: () => "/api/v1/profiles",
    valid: () => ({ name: "Guest" }),
    wrongTypes: { name: "Guest", isKids: "yes" },
    wrongPaths: ["body.isKids"],
  },
  {
    name: "edit profile",
    method: "PATCH",
    url: () => `/api/v1/profiles/${profileId}`,
    valid: () => ({ name: "Renamed" }),
    wrongTypes: { avatar: 7 },
    wrongPaths: ["body.avatar"],
  },
];

/** The whole content of every table, so that any insert, update or delete shows. */
async function snapshot(): Promise<string[]> {
  return Promise.all(
    TABLES.map(async (table) => {
      const [row] = await t.query<{ d: string }>(
        sql.raw(`select coalesce(string_agg(t::text, '|' order by t::text), '') as d from ${table} t`),
      );
      return `${table}:${row!.d}`;
    }),
  );
}

/** Sends a request as the signed-in phone app (bearer: no origin check in the way). */
function send(route: BodyRoute, options: Partial<InjectOptions>) {
  return phone.request({ method: route.method, url: route.url(), ...options } as InjectOptions);
}

function json(payload: unknown) {
  return { payload: JSON.stringify(payload), headers: { "content-type": "application/json" } };
}

/** Every error answer is a catalogued code with its status and message, and never a 5xx. */
function expectError(response: LightMyRequestResponse, status: number, code: keyof typeof errorCatalogue) {
  expect(response.statusCode).toBeLessThan(500);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const body = response.json() as { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
  expect(body.error.code).toBe(code);
  expect(response.statusCode).toBe(status);
  expect(errorCatalogue[code].status).toBe(status);
  expect(body.error.message).toBe(englishApi[code]);
  return body.error;
}

/** Runs the request and proves the database is exactly as it was before. */
async function withoutWrites(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  // Messages from setting up are sent in the background; let that finish before comparing.
  await t.delivered();
  const before = await snapshot();
  const response = await request();
  expect(await snapshot()).toEqual(before);
  return response;
}

describe.each(ROUTES)("$method $name", (route) => {
  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const response = await withoutWrites(() => send(route, { payload: '{"oops": ', headers: { "content-type": "application/json" } }));
    expectError(response, 400, "MALFORMED_JSON");
  });

  it("answers wrong types with 400 VALIDATION_FAILED naming each field in issues[].path", async () => {
    const response = await withoutWrites(() => send(route, json(route.wrongTypes)));
    const error = expectError(response, 400, "VALIDATION_FAILED");
    const paths = error.issues!.map((issue) => issue.path);
    for (const path of route.wrongPaths) expect(paths).toContain(path);
    for (const issue of error.issues!) expect(issue.message.length).toBeGreaterThan(0);
  });

  it("answers an unknown field with 400 VALIDATION_FAILED and does not act on the rest", async () => {
    const response = await withoutWrites(() => send(route, json({ ...route.valid(), isAdmin: true })));
    const error = expectError(response, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(error.issues)).toContain("isAdmin");
  });

  it("answers a body over 16 KiB with 413 PAYLOAD_TOO_LARGE", async () => {
    const payload = JSON.stringify({ ...route.valid(), padding: "x".repeat(16 * 1024) });
    const response = await withoutWrites(() => send(route, { payload, headers: { "content-type": "application/json" } }));
    expectError(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers an empty application/json body with 400 EMPTY_BODY", async () => {
    const response = await withoutWrites(() => send(route, { payload: "", headers: { "content-type": "application/json" } }));
    expectError(response, 400, "EMPTY_BODY");
  });

  it("answers a request with no body at all with 400 EMPTY_BODY", async () => {
    const response = await withoutWrites(() => send(route, {}));
    expectError(response, 400, "EMPTY_BODY");
  });

  it("answers a text/plain body with 415 UNSUPPORTED_MEDIA_TYPE, even when it holds valid JSON", async () => {
    const response = await withoutWrites(() =>
      send(route, { payload: JSON.stringify(route.valid()), headers: { "content-type": "text/plain" } }),
    );
    expectError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers a form-encoded body with 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const response = await withoutWrites(() =>
      send(route, { payload: "name=Guest", headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    expectError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"hello"'],
    ["a number", "42"],
    ["deeply nested arrays", "[".repeat(3000) + "]".repeat(3000)],
  ])("answers JSON that is %s instead of an object with 400 VALIDATION_FAILED", async (_label, payload) => {
    const response = await withoutWrites(() => send(route, { payload, headers: { "content-type": "application/json" } }));
    expectError(response, 400, "VALIDATION_FAILED");
  });

  it("refuses prototype-poisoning JSON with a 400", async () => {
    const poisoned = JSON.stringify(route.valid()).replace(/^\{/, '{"__proto__":{"isAdmin":true},');
    const response = await withoutWrites(() => send(route, { payload: poisoned, headers: { "content-type": "application/json" } }));
    expect(response.statusCode).toBe(400);
    expect(["MALFORMED_JSON", "VALIDATION_FAILED"]).toContain(response.json().error.code);
  });

  it("never answers a 5xx for a NUL character in any string field", async () => {
    const valid = route.valid();
    for (const key of Object.keys(valid)) {
      if (typeof valid[key] !== "string") continue;
      // Inside an otherwise well-formed value, so that it gets past the shape checks.
      const value = String(valid[key]);
      const response = await send(route, json({ ...route.valid(), [key]: `${value.slice(0, 1)}\u0000${value.slice(1)}` }));
      expect(response.statusCode, `${key}: ${response.body}`).toBeLessThan(500);
      expect(response.json().error?.code ?? "ok").not.toBe("INTERNAL_ERROR");
    }
  });
});

describe("profile ids", () => {
  it.each([
    ["PATCH", "/api/v1/profiles/not-a-uuid", { name: "X" }],
    ["DELETE", "/api/v1/profiles/not-a-uuid", undefined],
    ["POST", "/api/v1/profiles/not-a-uuid/choose", undefined],
    ["PATCH", "/api/v1/profiles/1'%20or%20'1'='1", { name: "X" }],
    ["DELETE", `/api/v1/profiles/${"9".repeat(100)}`, undefined],
  ] as const)("answers %s %s with 400 VALIDATION_FAILED on params.id", async (method, url, body) => {
    const response = await withoutWrites(() => phone.request({ method, url, ...(body ? { payload: body } : {}) }));
    const error = expectError(response, 400, "VALIDATION_FAILED");
    expect(error.issues!.map((issue) => issue.path)).toContain("params.id");
  });

  it("answers a well-formed id of no profile of this account with 404 PROFILE_NOT_FOUND", async () => {
    const response = await withoutWrites(() => phone.patch("/api/v1/profiles/00000000-0000-4000-8000-000000000000", { name: "Nobody" }));
    expectError(response, 404, "PROFILE_NOT_FOUND");
  });
});

describe("errors Fastify raises before routing", () => {
  const preRoutingUrls = [
    ["a badly percent-encoded path", "/api/v1/profiles/%E0%A4%A"],
    ["a path parameter over 100 characters", `/api/v1/profiles/${"9".repeat(101)}`],
  ] as const;

  it.each(preRoutingUrls)("are answered from the catalogue by frameworkErrors: %s", async (_label, url) => {
    const app = Fastify({ frameworkErrors });
    registerErrorMapper(app);
    app.delete("/api/v1/profiles/:id", async () => ({ deleted: true }));
    try {
      const response = await app.inject({ method: "DELETE", url });
      expectError(response, 400, "BAD_REQUEST");
      expect(response.body).not.toContain("api/v1"); // the path is not echoed back
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    } finally {
      await app.close();
    }
  });

  it.each(preRoutingUrls)("the app answers %s from the catalogue, before routing", async (_label, url) => {
    const response = await withoutWrites(() => phone.request({ method: "DELETE", url }));
    expectError(response, 400, "BAD_REQUEST");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("unknown routes", () => {
  it.each([
    ["GET", "/api/v1/nothing-here"],
    ["POST", "/api/v1/nothing-here"],
    ["GET", "/nothing-here"],
    ["DELETE", "/api/v1/auth/sign-in"],
    ["PUT", "/api/v1/sessions"],
  ] as const)("answers %s %s with 404 NOT_FOUND as JSON", async (method, url) => {
    const response = await withoutWrites(() => phone.request({ method, url }));
    expectError(response, 404, "NOT_FOUND");
  });
});

describe("GET /healthz", () => {
  it('answers 200 {status: "ok"} while the database answers', async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it('answers 503 {status: "unavailable"}, without the failure\'s details, when the database does not', async () => {
    const app = await buildApp({
      core: t.core,
      allowedOrigins: [],
      production: false,
      checkDatabase: async () => {
        throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2");
      },
    });
    try {
      const response = await app.inject({ method: "GET", url: "/healthz" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: "unavailable" });
    } finally {
      await app.close();
    }
  });
});
