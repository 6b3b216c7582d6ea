// Route tests for the device list and "Sign out of all devices", and for how session tokens
// are checked, stored, refreshed and expired.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days, minutes } from "../../core/clock";
import {
  buildTestApp,
  errorCode,
  nextIp,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  uniqueEmail,
  type Device,
  type TestApp,
} from "../../../test/helper";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

/** GET /me with exactly this token, the way its kind of device sends it. */
function meWith(token: string, carrier: "cookie" | "bearer" = "bearer") {
  const headers = carrier === "cookie" ? { cookie: `${SESSION_COOKIE}=${token}` } : { authorization: `Bearer ${token}` };
  return t.app.inject({ method: "GET", url: "/api/v1/me", headers });
}

function sessionCookieLine(response: LightMyRequestResponse): string | undefined {
  const header = response.headers["set-cookie"];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return all.find((line) => line.startsWith(`${SESSION_COOKIE}=`));
}

const sessionIdOf = (device: Device) => device.sessionToken!.split(".")[0]!;
const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

interface Household {
  email: string;
  laptop: Device;
  phone: Device;
  desktop: Device;
}

/** One account signed in on a Mac browser, a phone app and a Windows browser. */
async function household(): Promise<Household> {
  const email = uniqueEmail("household");
  const laptop = t.browser({ ip: nextIp() });
  expect((await laptop.signUp(email)).statusCode).toBe(201);
  const phone = t.phoneApp({ ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  const desktop = t.browser({ ip: nextIp(), userAgent: FIREFOX_ON_WINDOWS });
  expect((await desktop.signIn(email)).statusCode).toBe(200);
  return { email, laptop, phone, desktop };
}

interface ListedSession {
  id: string;
  deviceName: string;
  deviceKind: string;
  ip: string | null;
  lastActiveAt: string;
  createdAt: string;
  current: boolean;
}

async function listSessions(device: Device): Promise<ListedSession[]> {
  const response = await device.get("/api/v1/sessions");
  expect(response.statusCode).toBe(200);
  return response.json().sessions;
}

describe("GET /sessions", () => {
  it("lists every live session of the account with its device, address and times, exactly one of them current", async () => {
    const { laptop, phone, desktop } = await household();
    const stranger = t.phoneApp({ ip: nextIp() });
    expect((await stranger.signUp(uniqueEmail("stranger"))).statusCode).toBe(201);

    const sessions = await listSessions(laptop);

    expect(sessions.map((s) => s.id).sort()).toEqual([laptop, phone, desktop].map(sessionIdOf).sort());
    const byId = new Map(sessions.map((s) => [s.id, s]));
    expect(byId.get(sessionIdOf(laptop))).toMatchObject({ deviceName: "Chrome on macOS", deviceKind: "web", ip: laptop.ip });
    expect(byId.get(sessionIdOf(phone))).toMatchObject({ deviceName: "Usher app on iPhone", deviceKind: "mobile", ip: phone.ip });
    expect(byId.get(sessionIdOf(desktop))).toMatchObject({ deviceName: "Firefox on Windows", deviceKind: "web", ip: desktop.ip });
    const now = t.clock.now().toISOString();
    for (const session of sessions) {
      expect(session.createdAt).toBe(now);
      expect(session.lastActiveAt).toBe(now);
    }
    expect(sessions.filter((s) => s.current).map((s) => s.id)).toEqual([sessionIdOf(laptop)]);

    // Each device sees itself as the current one.
    const fromPhone = await listSessions(phone);
    expect(fromPhone.filter((s) => s.current).map((s) => s.id)).toEqual([sessionIdOf(phone)]);
  });

  it("drops a signed-out device from the list", async () => {
    const { laptop, phone, desktop } = await household();
    const phoneSessionId = sessionIdOf(phone);
    expect((await phone.post("/api/v1/auth/sign-out")).statusCode).toBe(204);

    const sessions = await listSessions(laptop);
    expect(sessions.map((s) => s.id).sort()).toEqual([laptop, desktop].map(sessionIdOf).sort());
    expect(sessions.map((s) => s.id)).not.toContain(phoneSessionId);
  });

  it("answers UNAUTHENTICATED without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/sessions" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("POST /sessions/sign-out-all", () => {
  it("signs out every device of the account, this one included, and each token is then SESSION_REVOKED", async () => {
    const { laptop, phone, desktop } = await household();
    const other = t.phoneApp({ ip: nextIp() });
    expect((await other.signUp(uniqueEmail("neighbour"))).statusCode).toBe(201);
    const tokens = { laptop: laptop.sessionToken!, phone: phone.sessionToken!, desktop: desktop.sessionToken! };

    const response = await laptop.post("/api/v1/sessions/sign-out-all");

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutDevices: 3 });
    expect(sessionCookieLine(response)).toMatch(/^__Host-usher_session=;/);
    for (const [token, carrier] of [
      [tokens.laptop, "cookie"],
      [tokens.phone, "bearer"],
      [tokens.desktop, "cookie"],
    ] as const) {
      const me = await meWith(token, carrier);
      expect(me.statusCode).toBe(401);
      expect(errorCode(me)).toBe("SESSION_REVOKED");
    }
    const row = await t.core.stores.sessions.findById(sessionIdOf(phone));
    expect(row?.revokedReason).toBe("signed_out_all_devices");

    // Another account is untouched.
    expect((await other.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("works from a phone app as well, and counts only the devices that were still signed in", async () => {
    const { laptop, phone, desktop } = await household();
    const desktopToken = desktop.sessionToken!;
    expect((await desktop.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
    const laptopToken = laptop.sessionToken!;
    const phoneToken = phone.sessionToken!;

    const response = await phone.post("/api/v1/sessions/sign-out-all");

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutDevices: 2 });
    expect(sessionCookieLine(response)).toBeUndefined();
    for (const [token, carrier] of [
      [laptopToken, "cookie"],
      [phoneToken, "bearer"],
      [desktopToken, "cookie"],
    ] as const) {
      expect(errorCode(await meWith(token, carrier))).toBe("SESSION_REVOKED");
    }
    // The device signed out earlier keeps the reason it was signed out for.
    expect((await t.core.stores.sessions.findById(desktopToken.split(".")[0]!))?.revokedReason).toBe("signed_out");
  });

  it("answers UNAUTHENTICATED without a session and signs nobody out", async () => {
    const { laptop } = await household();
    const response = await t.app.inject({ method: "POST", url: "/api/v1/sessions/sign-out-all" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
  });
});

describe("a revoked session's answer", () => {
  it("tells the device why it was signed out: itself, all devices, or a password change", async () => {
    const { laptop, phone, desktop } = await household();
    const revokedBy = async (token: string) => (await meWith(token)).json().error.reason;

    const laptopToken = laptop.sessionToken!;
    await laptop.post("/api/v1/auth/sign-out");
    expect(await revokedBy(laptopToken)).toBe("signed_out");

    const phoneToken = phone.sessionToken!;
    expect(
      (await desktop.post("/api/v1/account/password", { currentPassword: STRONG_PASSWORD, newPassword: "quiet-lantern-orchard-58" }))
        .statusCode,
    ).toBe(200);
    expect(await revokedBy(phoneToken)).toBe("password_changed");

    const desktopToken = desktop.sessionToken!;
    await desktop.post("/api/v1/sessions/sign-out-all");
    expect(await revokedBy(desktopToken)).toBe("signed_out_all_devices");
  });

  it("gives no reason to a token whose secret is wrong", async () => {
    const { laptop } = await household();
    const [id] = laptop.sessionToken!.split(".");
    await laptop.post("/api/v1/sessions/sign-out-all");
    const forged = await meWith(`${id}.${"A".repeat(43)}`);
    expect(forged.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });
});

describe("session tokens", () => {
  it("writes last_seen_at at most once per 5 minutes of use", async () => {
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signUp(uniqueEmail())).statusCode).toBe(201);
    const id = sessionIdOf(phone);
    const signedInAt = t.clock.now();
    const first = (await t.core.stores.sessions.findById(id))!;
    expect(first.lastSeenAt.getTime()).toBe(signedInAt.getTime());

    t.clock.advance(minutes(1));
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    const afterOneMinute = (await t.core.stores.sessions.findById(id))!;
    expect(afterOneMinute.lastSeenAt.getTime()).toBe(signedInAt.getTime());
    expect(afterOneMinute.expiresAt.getTime()).toBe(first.expiresAt.getTime());

    t.clock.advance(minutes(5));
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    const afterSixMinutes = (await t.core.stores.sessions.findById(id))!;
    const now = t.clock.now().getTime();
    expect(afterSixMinutes.lastSeenAt.getTime()).toBe(now);
    // Use slides the idle expiry along with it.
    expect(afterSixMinutes.expiresAt.getTime()).toBe(now + days(30));

    const listed = (await listSessions(phone)).find((s) => s.id === id)!;
    expect(listed.lastActiveAt).toBe(new Date(now).toISOString());
  });

  it("ends a session left unused for 30 days (SESSION_EXPIRED) while one in use slides on", async () => {
    const email = uniqueEmail();
    const idle = t.browser({ ip: nextIp() });
    expect((await idle.signUp(email)).statusCode).toBe(201);
    const idleToken = idle.sessionToken!;
    const idlePhone = t.phoneApp({ ip: nextIp() });
    expect((await idlePhone.signIn(email)).statusCode).toBe(200);
    const active = t.phoneApp({ ip: nextIp() });
    expect((await active.signIn(email)).statusCode).toBe(200);

    t.clock.advance(days(20));
    expect((await active.get("/api/v1/me")).statusCode).toBe(200);
    t.clock.advance(days(10) + 1_000);

    const expiredPhone = await idlePhone.get("/api/v1/me");
    expect(expiredPhone.statusCode).toBe(401);
    expect(errorCode(expiredPhone)).toBe("SESSION_EXPIRED");
    const expiredBrowser = await meWith(idleToken, "cookie");
    expect(expiredBrowser.statusCode).toBe(401);
    expect(errorCode(expiredBrowser)).toBe("SESSION_EXPIRED");
    expect(sessionCookieLine(expiredBrowser)).toMatch(/^__Host-usher_session=;/);

    expect((await active.get("/api/v1/me")).statusCode).toBe(200);
    expect((await listSessions(active)).map((s) => s.id)).toEqual([sessionIdOf(active)]);
  });

  it("moves an active browser's cookie expiry along with its session's", async () => {
    const laptop = t.browser({ ip: nextIp() });
    expect((await laptop.signUp(uniqueEmail())).statusCode).toBe(201);

    t.clock.advance(days(20));
    const response = await laptop.get("/api/v1/me");

    expect(response.statusCode).toBe(200);
    const session = (await t.core.stores.sessions.findById(sessionIdOf(laptop)))!;
    expect(session.expiresAt.getTime()).toBe(t.clock.now().getTime() + days(30));
    // Otherwise the browser drops the cookie 30 days after sign-in, however much it is used.
    const cookie = (response.cookies as { name: string; value: string; expires?: Date }[]).find(
      (c) => c.name === SESSION_COOKIE,
    );
    expect(cookie?.value).toBe(laptop.sessionToken);
    expect(cookie?.expires?.getTime()).toBe(Math.floor(session.expiresAt.getTime() / 1000) * 1000);
    expect(sessionCookieLine(response)).toMatch(/; HttpOnly; Secure; SameSite=Lax/);

    // Within the same 5 minutes nothing moves, so no cookie is sent again.
    t.clock.advance(minutes(1));
    expect(sessionCookieLine(await laptop.get("/api/v1/me"))).toBeUndefined();
  });

  it("stores only the SHA-256 of the token's secret: no column holds the token or the secret", async () => {
    const laptop = t.browser({ ip: nextIp() });
    const email = uniqueEmail();
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signIn(email)).statusCode).toBe(200);

    for (const token of [laptop.sessionToken!, phone.sessionToken!]) {
      const [id, secret] = token.split(".") as [string, string];
      const [row] = await t.query<Record<string, unknown>>(sql`select * from session where id = ${id}`);
      expect(row).toBeDefined();
      expect(row!.token_hash).toBe(sha256Hex(secret));
      for (const [column, value] of Object.entries(row!)) {
        const text = value instanceof Date ? value.toISOString() : String(value);
        expect(text, column).not.toContain(secret);
        expect(text, column).not.toContain(token);
      }
      // Nor does any other table.
      for (const table of ["account", "profile", "audit_event", "outbox", "one_time_code"]) {
        const [dump] = await t.query<{ d: string }>(sql.raw(`select coalesce(string_agg(t::text, '|'), '') as d from ${table} t`));
        expect(dump!.d, table).not.toContain(secret);
      }
    }
  });

  it("refuses a token with the right session id but a wrong secret as UNAUTHENTICATED, revoked or not", async () => {
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signUp(uniqueEmail())).statusCode).toBe(201);
    const token = phone.sessionToken!;
    const [id, secret] = token.split(".") as [string, string];
    const otherSecret = (secret[0] === "A" ? "B" : "A") + secret.slice(1);
    const forged = `${id}.${otherSecret}`;

    for (const carrier of ["bearer", "cookie"] as const) {
      const response = await meWith(forged, carrier);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    }

    // Once revoked, only the holder of the real secret learns that it was revoked.
    expect((await phone.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
    expect(errorCode(await meWith(token))).toBe("SESSION_REVOKED");
    expect(errorCode(await meWith(forged))).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["a word", "garbage"],
    ["two dots", "a.b.c"],
    ["an unknown id of the right shape", `${"A".repeat(22)}.${"B".repeat(43)}`],
    ["a secret that is too short", `${"A".repeat(22)}.${"B".repeat(42)}`],
    ["a huge value", "x".repeat(4000)],
  ])("refuses a garbage token (%s) as UNAUTHENTICATED", async (_label, token) => {
    for (const carrier of ["bearer", "cookie"] as const) {
      const response = await meWith(token, carrier);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses an Authorization header that is not a bearer token as UNAUTHENTICATED", async () => {
    for (const authorization of ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"]) {
      const response = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
    }
  });
});

describe("DELETE /sessions/:id (sign out one device)", () => {
  it("signs out that device only: it is refused from its next request, the rest stay in", async () => {
    const { laptop, phone, desktop } = await household();
    const response = await laptop.delete(`/api/v1/sessions/${sessionIdOf(phone)}`);
    expect(response.statusCode).toBe(204);

    const refused = await phone.get("/api/v1/me");
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ code: "SESSION_REVOKED", reason: "signed_out_by_other_device" });
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    expect((await desktop.get("/api/v1/me")).statusCode).toBe(200);
    const listed = await listSessions(laptop);
    expect(listed.map((s) => s.id)).not.toContain(sessionIdOf(phone));
    expect(listed).toHaveLength(2);
  });

  it("answers another account's session exactly like a missing one (404) and leaves it signed in", async () => {
    const mine = await household();
    const theirs = await household();
    const other = await mine.laptop.delete(`/api/v1/sessions/${sessionIdOf(theirs.phone)}`);
    const missing = await mine.laptop.delete(`/api/v1/sessions/${"A".repeat(22)}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(errorCode(other)).toBe("SESSION_NOT_FOUND");
    expect((await theirs.phone.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("answers 404 for a device already signed out, and 400 for something that is not a session id", async () => {
    const { laptop, phone } = await household();
    expect((await laptop.delete(`/api/v1/sessions/${sessionIdOf(phone)}`)).statusCode).toBe(204);
    expect((await laptop.delete(`/api/v1/sessions/${sessionIdOf(phone)}`)).statusCode).toBe(404);
    expect(errorCode(await laptop.delete("/api/v1/sessions/not-a-session"))).toBe("VALIDATION_FAILED");
  });

  it("signs this browser out too when it picks itself, clearing its cookie", async () => {
    const { laptop } = await household();
    const token = laptop.sessionToken!;
    const response = await laptop.delete(`/api/v1/sessions/${sessionIdOf(laptop)}`);
    expect(response.statusCode).toBe(204);
    expect(sessionCookieLine(response)).toMatch(/^__Host-usher_session=;/);
    expect(errorCode(await meWith(token, "cookie"))).toBe("SESSION_REVOKED");
  });
});

describe("POST /sessions/sign-out-others", () => {
  it("signs out every other device and keeps this one", async () => {
    const { laptop, phone, desktop } = await household();
    const response = await laptop.post("/api/v1/sessions/sign-out-others");
    expect(response.json()).toEqual({ signedOutDevices: 2 });
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    for (const device of [phone, desktop]) expect(errorCode(await device.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    expect((await listSessions(laptop)).map((s) => s.current)).toEqual([true]);
  });
});
