// Route tests for signing out of this device: the session revoked and its cookie cleared, the account's other devices still in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, buildTestApp, errorCode, SESSION_COOKIE, type TestApp, uniqueEmail } from "../../../test/helper";
import { minutes } from "../../core/clock";
import { authTestHelpers, rawSetCookie, setCookie } from "./auth-test-helpers";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

const { browser, phoneApp, meWithBearer, meWithCookie } = authTestHelpers(() => t);

describe("POST /auth/sign-out", () => {
  it("signs out this browser only: 204, the cookie cleared, the token then SESSION_REVOKED, other devices still in", async () => {
    const email = uniqueEmail();
    const laptop = browser();
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const laptopToken = laptop.sessionToken!;

    const response = await laptop.post("/api/v1/auth/sign-out");

    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    const cleared = rawSetCookie(response, SESSION_COOKIE);
    expect(cleared).toBeDefined();
    // A __Host- cookie is only replaced (here: cleared) by one with the same Secure, Path=/.
    expect(cleared).toMatch(/^__Host-usher_session=;/);
    expect(cleared).toMatch(/; Secure/);
    expect(cleared).toMatch(/; Path=\/(;|$)/);
    const clearedCookie = setCookie(response, SESSION_COOKIE)!;
    expect(clearedCookie.maxAge === 0 || (clearedCookie.expires as Date).getTime() <= Date.now()).toBe(true);

    const again = await meWithCookie(laptopToken);
    expect(again.statusCode).toBe(401);
    expect(errorCode(again)).toBe("SESSION_REVOKED");
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    // The account's activity names the device that signed out.
    const { events } = (await phone.get("/api/v1/account/activity")).json() as { events: { type: string; details: object }[] };
    expect(events.find((event) => event.type === "signed_out")?.details).toEqual({ deviceName: "Chrome on macOS" });
  });

  it("signs out a phone app by its bearer token, leaving the account's browser signed in", async () => {
    const email = uniqueEmail();
    const laptop = browser();
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const token = phone.token!;

    const response = await phone.post("/api/v1/auth/sign-out");
    expect(response.statusCode).toBe(204);
    expect(rawSetCookie(response, SESSION_COOKIE)).toBeUndefined();

    const again = await meWithBearer(token);
    expect(again.statusCode).toBe(401);
    expect(errorCode(again)).toBe("SESSION_REVOKED");
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("clears the cookie even when that same request slid the session's expiry", async () => {
    const laptop = browser();
    expect((await laptop.signUp(uniqueEmail())).statusCode).toBe(201);
    const token = laptop.sessionToken!;
    t.clock.advance(minutes(6)); // past the 5-minute activity interval

    const response = await laptop.post("/api/v1/auth/sign-out");

    expect(response.statusCode).toBe(204);
    const header = response.headers["set-cookie"];
    const lines = (Array.isArray(header) ? header : [header]).filter((l) => l?.startsWith(`${SESSION_COOKIE}=`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^__Host-usher_session=;/);
    expect(errorCode(await meWithCookie(token))).toBe("SESSION_REVOKED");
  });

  it("answers UNAUTHENTICATED without a session", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: { origin: APP_ORIGIN } });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});
