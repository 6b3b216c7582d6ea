// Cross-site request forgery defence and security headers, through the real app.
import { sql } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ORIGIN,
  buildTestApp,
  CHROME_ON_MAC,
  type Device,
  errorCode,
  nextIp,
  SESSION_COOKIE,
  type TestApp,
  uniqueEmail,
} from "../../../test/helper";
import { buildApp } from "../app";

const EVIL_ORIGIN = "https://evil.example";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

async function signedInBrowser(): Promise<Device> {
  const device = t.browser({ ip: nextIp() });
  expect((await device.signUp(uniqueEmail())).statusCode).toBe(201);
  return device;
}

/**
 * A request carrying the browser's session cookie with exactly the headers given: no Origin
 * is added, so each test says what the browser (or forger) sent.
 */
function cookieRequest(device: Device, options: InjectOptions & { headers?: Record<string, string> }) {
  return t.app.inject({
    ...options,
    remoteAddress: device.ip,
    headers: { "user-agent": CHROME_ON_MAC, cookie: `${SESSION_COOKIE}=${device.sessionToken}`, ...options.headers },
  });
}

async function profileNames(device: Device): Promise<string[]> {
  const response = await device.get("/api/v1/profiles");
  expect(response.statusCode).toBe(200);
  return response.json().profiles.map((p: { name: string }) => p.name);
}

async function countRows(table: "account" | "session"): Promise<number> {
  const [row] = await t.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row!.n);
}

function expectCrossOriginRefusal(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(403);
  expect(errorCode(response)).toBe("CROSS_ORIGIN_REQUEST");
}

describe("unsafe requests authenticated by the session cookie", () => {
  it.each([
    ["a foreign site", EVIL_ORIGIN],
    ["a look-alike host", `${APP_ORIGIN}.evil.example`],
    ["another port", "http://localhost:3001"],
    ["another scheme", APP_ORIGIN.replace("http:", "https:")],
    ["an opaque origin (null)", "null"],
  ])("refuses a profile creation from %s with 403 CROSS_ORIGIN_REQUEST and creates nothing", async (_label, origin) => {
    const device = await signedInBrowser();
    const before = await profileNames(device);

    const response = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/profiles",
      headers: { origin },
      payload: { name: "Intruder" },
    });

    expectCrossOriginRefusal(response);
    expect(await profileNames(device)).toEqual(before);
  });

  it("refuses sign-out of all devices from a foreign origin, and every device stays signed in", async () => {
    const device = await signedInBrowser();
    const response = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/sessions/sign-out-all",
      headers: { origin: EVIL_ORIGIN },
    });

    expectCrossOriginRefusal(response);
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("refuses a rename and a delete from a foreign origin and leaves the profile as it was", async () => {
    const device = await signedInBrowser();
    const created = await device.post("/api/v1/profiles", { name: "Kids" });
    expect(created.statusCode).toBe(201);
    const id = created.json().profile.id as string;

    expectCrossOriginRefusal(
      await cookieRequest(device, {
        method: "PATCH",
        url: `/api/v1/profiles/${id}`,
        headers: { origin: EVIL_ORIGIN },
        payload: { name: "Owned" },
      }),
    );
    expectCrossOriginRefusal(
      await cookieRequest(device, { method: "DELETE", url: `/api/v1/profiles/${id}`, headers: { origin: EVIL_ORIGIN } }),
    );
    expect(await profileNames(device)).toContain("Kids");
    expect(await profileNames(device)).not.toContain("Owned");
  });

  it("refuses a cookie request that has neither Origin nor Sec-Fetch-Site", async () => {
    const device = await signedInBrowser();
    const before = await profileNames(device);

    const response = await cookieRequest(device, { method: "POST", url: "/api/v1/profiles", payload: { name: "Intruder" } });

    expectCrossOriginRefusal(response);
    expect(await profileNames(device)).toEqual(before);
  });

  it.each(["cross-site", "same-site"])("refuses a cookie request whose Sec-Fetch-Site is %s", async (site) => {
    const device = await signedInBrowser();
    const before = await profileNames(device);

    const response = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/profiles",
      headers: { "sec-fetch-site": site },
      payload: { name: "Intruder" },
    });

    expectCrossOriginRefusal(response);
    expect(await profileNames(device)).toEqual(before);
  });

  it("does not let a non-bearer Authorization header exempt a cookie request from the check", async () => {
    const device = await signedInBrowser();
    const before = await profileNames(device);

    for (const authorization of ["Basic dXNlcjpwYXNz", "Token abc", "Bearer"]) {
      const response = await cookieRequest(device, {
        method: "POST",
        url: "/api/v1/profiles",
        headers: { origin: EVIL_ORIGIN, authorization },
        payload: { name: "Intruder" },
      });
      expectCrossOriginRefusal(response);
    }
    expect(await profileNames(device)).toEqual(before);
  });

  it("accepts a cookie request from the app's own origin", async () => {
    const device = await signedInBrowser();
    const response = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/profiles",
      headers: { origin: APP_ORIGIN, "sec-fetch-site": "same-origin" },
      payload: { name: "Guest" },
    });

    expect(response.statusCode).toBe(201);
    expect(await profileNames(device)).toContain("Guest");
  });

  it("accepts a cookie request without Origin whose Sec-Fetch-Site is same-origin", async () => {
    const device = await signedInBrowser();
    const response = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/profiles",
      headers: { "sec-fetch-site": "same-origin" },
      payload: { name: "Guest" },
    });

    expect(response.statusCode).toBe(201);
  });
});

describe("requests authenticated by a bearer token", () => {
  it("accepts an app's unsafe request without Origin", async () => {
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signUp(uniqueEmail())).statusCode).toBe(201);

    const response = await phone.post("/api/v1/profiles", { name: "Phone profile" });

    expect(response.statusCode).toBe(201);
    expect(await profileNames(phone)).toContain("Phone profile");
  });

  it("does not check the Origin of a bearer request: no browser attaches a bearer token on its own", async () => {
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signUp(uniqueEmail())).statusCode).toBe(201);

    const response = await phone.post("/api/v1/profiles", { name: "Webview" }, { headers: { origin: EVIL_ORIGIN } });

    expect(response.statusCode).toBe(201);
  });
});

describe("signing in and up (login CSRF)", () => {
  it("refuses a sign-in posted from a foreign origin and creates no session", async () => {
    const email = uniqueEmail();
    expect((await t.phoneApp({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);
    const sessionsBefore = await countRows("session");
    const device = t.browser({ ip: nextIp() });

    const response = await device.post(
      "/api/v1/auth/sign-in",
      { email, password: "violet-kettle-harbour-42" },
      {
        headers: { origin: EVIL_ORIGIN },
      },
    );

    expectCrossOriginRefusal(response);
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(await countRows("session")).toBe(sessionsBefore);
  });

  it("refuses a sign-in whose Sec-Fetch-Site is cross-site even without Origin", async () => {
    const email = uniqueEmail();
    expect((await t.phoneApp({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);

    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { email, password: "violet-kettle-harbour-42" },
    });

    expectCrossOriginRefusal(response);
  });

  it("refuses a sign-up posted from a foreign origin and creates no account", async () => {
    const accountsBefore = await countRows("account");
    const device = t.browser({ ip: nextIp() });

    const response = await device.post(
      "/api/v1/auth/sign-up",
      { email: uniqueEmail(), password: "violet-kettle-harbour-42" },
      {
        headers: { origin: EVIL_ORIGIN },
      },
    );

    expectCrossOriginRefusal(response);
    expect(await countRows("account")).toBe(accountsBefore);
  });

  it("accepts a sign-in from the app's own origin, and from an app that sends no browser headers", async () => {
    const email = uniqueEmail();
    expect((await t.phoneApp({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);

    expect((await t.browser({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
    expect((await t.phoneApp({ ip: nextIp() }).signIn(email)).statusCode).toBe(200);
  });
});

describe("safe requests", () => {
  it.each(["GET", "HEAD"] as const)("does not check %s requests, whatever their origin", async (method) => {
    const device = await signedInBrowser();

    const me = await cookieRequest(device, {
      method,
      url: "/api/v1/me",
      headers: { origin: EVIL_ORIGIN, "sec-fetch-site": "cross-site" },
    });

    expect(me.statusCode).toBe(200);
  });
});

describe("security headers", () => {
  function expectSecurityHeaders(response: LightMyRequestResponse): void {
    const csp = String(response.headers["content-security-policy"]);
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values] as const),
    );
    // A JSON answer loads and runs nothing (default-src 'none'); a page runs only its own scripts.
    const allowed = (directive: string) => directives.get(directive) ?? directives.get("default-src");
    expect([["'self'"], ["'none'"]]).toContainEqual(allowed("script-src"));
    expect(allowed("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("no-store");
  }

  it("sends them on a signed-in answer", async () => {
    const device = await signedInBrowser();
    const response = await device.get("/api/v1/me");
    expect(response.statusCode).toBe(200);
    expectSecurityHeaders(response);
  });

  it("sends them on error answers too", async () => {
    const notFound = await t.app.inject({ method: "GET", url: "/api/v1/no-such-thing" });
    expect(notFound.statusCode).toBe(404);
    expectSecurityHeaders(notFound);

    const device = await signedInBrowser();
    const refused = await cookieRequest(device, {
      method: "POST",
      url: "/api/v1/profiles",
      headers: { origin: EVIL_ORIGIN },
      payload: { name: "X" },
    });
    expectCrossOriginRefusal(refused);
    expectSecurityHeaders(refused);

    const unauthenticated = await t.app.inject({ method: "GET", url: "/api/v1/account" });
    expect(unauthenticated.statusCode).toBe(401);
    expectSecurityHeaders(unauthenticated);
  });

  it("adds HSTS in production only", async () => {
    expect((await t.app.inject({ method: "GET", url: "/healthz" })).headers["strict-transport-security"]).toBeUndefined();

    const production = await buildApp({
      core: t.core,
      allowedOrigins: [APP_ORIGIN],
      production: true,
      checkDatabase: async () => {},
      logger: false,
    });
    try {
      const response = await production.inject({ method: "GET", url: "/healthz" });
      const hsts = String(response.headers["strict-transport-security"]);
      expect(hsts).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts).toContain("includeSubDomains");
    } finally {
      await production.close();
    }
  });
});
