// Route tests for the device list: every signed-in device of the account, and signing out one, the others or all of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, type TestApp, uniqueEmail } from "../../../test/helper";
import { sessionCookieLine, sessionIdOf, sessionsTestHelpers } from "./sessions-test-helpers";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

const { meWith, household, listSessions } = sessionsTestHelpers(() => t);

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
    expect(response.json()).toEqual({ signedOutOtherDevices: 2 });
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    for (const device of [phone, desktop]) expect(errorCode(await device.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    expect((await listSessions(laptop)).map((s) => s.current)).toEqual([true]);
  });
});
