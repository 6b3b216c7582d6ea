// Route tests for session tokens: how they are checked, stored, refreshed and expired, and why a revoked one is refused.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import { days, minutes } from "../../core/clock";
import { sessionCookieLine, sessionIdOf, sessionsTestHelpers } from "./sessions-test-helpers";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

const { meWith, household, listSessions } = sessionsTestHelpers(() => t);
const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

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
    const cookie = (response.cookies as { name: string; value: string; expires?: Date }[]).find((c) => c.name === SESSION_COOKIE);
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
