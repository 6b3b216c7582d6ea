// Route tests for re-authentication: sensitive changes need a password (or passkey) proof
// within the last 10 minutes; proving it again hands the device a new token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { minutes } from "../../core/clock";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

async function member(device: Device = t.browser()) {
  const response = await device.signUp(uniqueEmail("reauth"));
  expect(response.statusCode).toBe(201);
  return { device, accountId: response.json().account.id as string };
}

const reauthenticate = (device: Device, password = STRONG_PASSWORD) => device.post("/api/v1/auth/reauthenticate", { password });

describe("the re-authentication window", () => {
  it("lets a fresh sign-in make sensitive changes (sign out of all devices) at once", async () => {
    const { device } = await member();
    const response = await device.post("/api/v1/sessions/sign-out-all");
    expect(response.statusCode).toBe(200);
  });

  it("answers 403 REAUTH_REQUIRED once 10 minutes have passed, and changes nothing", async () => {
    const { device, accountId } = await member();
    const other = t.phoneApp();
    await other.signIn((await t.core.stores.accounts.findById(accountId))!.email);
    t.clock.advance(minutes(10));

    for (const path of ["/api/v1/sessions/sign-out-all", "/api/v1/sessions/sign-out-others", "/api/v1/account/two-step/totp/setup"]) {
      const response = await device.post(path);
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe("REAUTH_REQUIRED");
    }
    expect((await other.get("/api/v1/me")).statusCode).toBe(200);
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("shows until when this session may make sensitive changes", async () => {
    const { device } = await member();
    const before = t.clock.now().getTime();
    const security = (await device.get("/api/v1/account/security")).json();
    expect(new Date(security.reauthenticatedUntil).getTime()).toBe(before + minutes(10));
  });
});

describe("POST /auth/reauthenticate", () => {
  it("with the password: gives the browser a new cookie, ends the old token, and lets the action complete", async () => {
    const { device } = await member();
    t.clock.advance(minutes(30));
    const oldToken = device.sessionToken!;
    expect(errorCode(await device.post("/api/v1/sessions/sign-out-others"))).toBe("REAUTH_REQUIRED");

    const response = await reauthenticate(device);
    expect(response.statusCode).toBe(200);
    expect(response.json().token).toBeUndefined();
    expect(new Date(response.json().reauthenticatedUntil).getTime()).toBe(t.clock.now().getTime() + minutes(10));
    expect(device.sessionToken).not.toBe(oldToken);

    // The action the user started now completes.
    expect((await device.post("/api/v1/sessions/sign-out-others")).statusCode).toBe(200);
    // The old token is dead.
    const stale = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: `__Host-usher_session=${oldToken}` } });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error).toMatchObject({ code: "SESSION_REVOKED", reason: "reauthenticated" });
  });

  it("hands a phone app its new token in the body, keeping the chosen profile", async () => {
    const { device } = await member(t.phoneApp());
    const profileId = (await device.get("/api/v1/profiles")).json().profiles[0].id;
    expect((await device.post(`/api/v1/profiles/${profileId}/choose`)).statusCode).toBe(200);
    t.clock.advance(minutes(11));
    const old = device.token;
    const response = await reauthenticate(device);
    expect(response.statusCode).toBe(200);
    expect(typeof response.json().token).toBe("string");
    expect(device.token).not.toBe(old);
    expect((await device.get("/api/v1/me")).json().profile.id).toBe(profileId);
  });

  it("refuses a wrong password with 403 WRONG_PASSWORD, keeps the token, and records it", async () => {
    const { device, accountId } = await member();
    t.clock.advance(minutes(11));
    const token = device.sessionToken;
    const response = await reauthenticate(device, "not-the-password-9");
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("WRONG_PASSWORD");
    expect(device.sessionToken).toBe(token);
    expect(errorCode(await device.post("/api/v1/sessions/sign-out-all"))).toBe("REAUTH_REQUIRED");
    const events = await t.core.stores.audit.listByAccount(accountId, 10);
    expect(events.map((e) => e.type)).toContain("password_check_failed");
  });

  it("is throttled per account with 429 and Retry-After", async () => {
    const { device } = await member();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await reauthenticate(device, `wrong-password-${i}`)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    const limited = await reauthenticate(device);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses a body with both or neither proof, and a request without a session", async () => {
    const { device } = await member();
    expect(errorCode(await device.post("/api/v1/auth/reauthenticate", {}))).toBe("VALIDATION_FAILED");
    expect(errorCode(await device.post("/api/v1/auth/reauthenticate", { password: STRONG_PASSWORD, extra: 1 }))).toBe("VALIDATION_FAILED");
    const anonymous = await t.app.inject({ method: "POST", url: "/api/v1/auth/reauthenticate", payload: { password: "x" } });
    expect(anonymous.statusCode).toBe(401);
  });

  it("keeps change password and phone working with the current password, however old the session", async () => {
    const { device } = await member();
    t.clock.advance(minutes(60));
    const phone = await device.put("/api/v1/account/phone", {
      phone: "+1 202 555 0187",
      currentPassword: STRONG_PASSWORD,
      smsOptIn: false,
    });
    expect(phone.statusCode).toBe(200);
    const changed = await device.post("/api/v1/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "amber-lantern-quarry-77",
    });
    expect(changed.statusCode).toBe(200);
  });
});
