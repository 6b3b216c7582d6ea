// Route tests for "Change password" from a browser and the phone app: new tokens, "Require all devices to sign in again", audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  errorCode,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  type TestApp,
  withoutPerIpLimits,
} from "../../../test/helper";
import { minutes } from "../../core/clock";
import { changePassword, changePasswordTestHelpers, NEW_PASSWORD } from "./change-password-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up and in from the helper's two IPs; the per-IP sign-up and sign-in
  // limits have their own tests, so they are lifted here. The current-password limit is not.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { household, signInStatus, storedAccount } = changePasswordTestHelpers(() => t);

/**
 * GET /me with exactly the given token, the way the device carried it. Sent past the Device
 * so that the refusal's cleared cookie does not wipe the device's current one.
 */
function withToken(device: Device, token: string) {
  const carrier = device.kind === "browser" ? { cookie: `${SESSION_COOKIE}=${token}` } : { authorization: `Bearer ${token}` };
  return t.app.inject({ method: "GET", url: "/api/v1/me", headers: { "user-agent": device.userAgent, ...carrier } });
}

describe("POST /account/password", () => {
  it('signs out every other device when "require all devices to sign in" is checked, and keeps this browser signed in with a new cookie', async () => {
    const h = await household();
    const oldToken = h.here.sessionToken!;

    const response = await changePassword(h.here, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutOtherDevices: 2 });

    const newCookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(newCookie?.value).toBeTruthy();
    expect(newCookie?.value).not.toBe(oldToken);
    expect(newCookie).toMatchObject({ httpOnly: true, secure: true, path: "/" });

    for (const device of [h.otherBrowser, h.phone]) {
      const refused = await device.get("/api/v1/me");
      expect(refused.statusCode).toBe(401);
      expect(errorCode(refused)).toBe("SESSION_REVOKED");
    }
    const oldRefused = await withToken(h.here, oldToken);
    expect(oldRefused.statusCode).toBe(401);
    expect(errorCode(oldRefused)).toBe("SESSION_REVOKED");

    const me = await h.here.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().account.id).toBe(h.accountId);
    expect((await h.here.get("/api/v1/account")).statusCode).toBe(200);
  });

  it("signs out every other device when the phone app changes the password, and hands the app its new token in the body", async () => {
    const h = await household();
    const oldToken = h.phone.token!;

    const response = await changePassword(h.phone, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: true,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.signedOutOtherDevices).toBe(2);
    expect(typeof body.token).toBe("string");
    expect(body.token).not.toBe(oldToken);
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    for (const device of [h.here, h.otherBrowser]) {
      const refused = await device.get("/api/v1/me");
      expect(refused.statusCode).toBe(401);
      expect(errorCode(refused)).toBe("SESSION_REVOKED");
    }
    const oldRefused = await withToken(h.phone, oldToken);
    expect(oldRefused.statusCode).toBe(401);
    expect(errorCode(oldRefused)).toBe("SESSION_REVOKED");
    expect((await h.phone.get("/api/v1/me")).statusCode).toBe(200);
  });

  it('signs out every other device when "require all devices to sign in" is left out (it defaults to true)', async () => {
    const h = await household();
    const response = await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutOtherDevices: 2 });

    for (const device of [h.otherBrowser, h.phone]) {
      const refused = await device.get("/api/v1/me");
      expect(refused.statusCode).toBe(401);
      expect(errorCode(refused)).toBe("SESSION_REVOKED");
    }
    expect((await h.here.get("/api/v1/me")).statusCode).toBe(200);
  });

  it('keeps the other devices signed in when "require all devices to sign in" is unchecked, but still replaces this device\'s token', async () => {
    const h = await household();
    const oldToken = h.here.sessionToken!;

    const response = await changePassword(h.here, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutOtherDevices: 0 });

    for (const device of [h.otherBrowser, h.phone]) {
      expect((await device.get("/api/v1/me")).statusCode).toBe(200);
    }
    expect(h.here.sessionToken).not.toBe(oldToken);
    const oldRefused = await withToken(h.here, oldToken);
    expect(oldRefused.statusCode).toBe(401);
    expect(errorCode(oldRefused)).toBe("SESSION_REVOKED");
    expect((await h.here.get("/api/v1/me")).statusCode).toBe(200);

    const live = await h.here.get("/api/v1/sessions");
    expect(live.json().sessions).toHaveLength(3);
  });

  it("gives the phone app a new token even when the other devices stay signed in", async () => {
    const h = await household();
    const oldToken = h.phone.token!;
    const response = await changePassword(h.phone, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().signedOutOtherDevices).toBe(0);
    expect(response.json().token).toEqual(expect.any(String));
    expect(response.json().token).not.toBe(oldToken);

    expect((await withToken(h.phone, oldToken)).statusCode).toBe(401);
    expect((await h.phone.get("/api/v1/me")).statusCode).toBe(200);
    expect((await h.here.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("moves passwordChangedAt to the time of the change and leaves memberSince alone", async () => {
    const h = await household();
    const memberSince = (await h.here.get("/api/v1/account")).json().account.memberSince;
    t.clock.advance(minutes(90));
    const changedAt = t.clock.now().toISOString();

    expect((await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);

    const account = (await h.here.get("/api/v1/account")).json().account;
    expect(account.passwordChangedAt).toBe(changedAt);
    expect(account.memberSince).toBe(memberSince);
    expect((await storedAccount(h.accountId)).passwordChangedAt.toISOString()).toBe(changedAt);
  });

  it('records a "password_changed" audit event with the choice and the number of devices signed out', async () => {
    const h = await household();
    const response = await changePassword(h.here, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: true,
    });
    expect(response.statusCode).toBe(200);

    const events = await t.core.stores.audit.listByAccount(h.accountId, 100);
    const changed = events.filter((event) => event.type === "password_changed");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      accountId: h.accountId,
      details: { requireAllDevicesToSignIn: true, signedOutDevices: 2 },
    });
    const me = (await h.here.get("/api/v1/me")).json();
    expect(changed[0]!.sessionId).toBe(me.session.id);
  });

  it("lets the new password sign in and refuses the old one", async () => {
    const h = await household();
    expect((await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);

    expect(await signInStatus(h.email, NEW_PASSWORD)).toBe(200);
    const old = await t.browser({ ip: "192.0.2.98" }).signIn(h.email, STRONG_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(errorCode(old)).toBe("INVALID_CREDENTIALS");
  });

  it("keeps the profile chosen on this device across the new token", async () => {
    const h = await household();
    const profileId = (await h.here.get("/api/v1/profiles")).json().profiles[0].id;
    expect((await h.here.post(`/api/v1/profiles/${profileId}/choose`)).statusCode).toBe(200);

    expect((await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await h.here.get("/api/v1/me")).json().profile?.id).toBe(profileId);
  });

  it("still changes the password when the profile chosen on this device is deleted from another device meanwhile", async () => {
    for (let round = 0; round < 3; round++) {
      const h = await household();
      const sam = (await h.here.post("/api/v1/profiles", { name: "Sam" })).json().profile;
      expect((await h.here.post(`/api/v1/profiles/${sam.id}/choose`)).statusCode).toBe(200);

      const [changed, deleted] = await Promise.all([
        changePassword(h.here, {
          currentPassword: STRONG_PASSWORD,
          newPassword: NEW_PASSWORD,
          signOutOtherDevices: false,
        }),
        h.phone.delete(`/api/v1/profiles/${sam.id}`),
      ]);
      expect(deleted.statusCode).toBe(204);
      expect(changed.statusCode).toBe(200);
      const me = await h.here.get("/api/v1/me");
      expect(me.statusCode).toBe(200);
      expect(me.json().profile).toBeNull();
      expect(await signInStatus(h.email, NEW_PASSWORD)).toBe(200);
    }
  });
});
