// Route tests for the account page: membership details and "Change password", as the seed
// guide walks through it (current password, new password, "Require all devices to sign in
// again with new password", Save), from a browser and from the phone app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../core/clock";
import {
  buildTestApp,
  errorCode,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  uniqueEmail,
  withoutPerIpLimits,
  type Device,
  type TestApp,
} from "../../../test/helper";

const NEW_PASSWORD = "lantern-orchard-quiet-77";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up and in from the helper's two IPs; the per-IP sign-up and sign-in
  // limits have their own tests, so they are lifted here. The current-password limit is not.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

interface Household {
  email: string;
  accountId: string;
  /** The browser that signed up and changes the password. */
  here: Device;
  otherBrowser: Device;
  phone: Device;
}

/** An account signed in on three devices: this browser, a second browser and the phone app. */
async function household(): Promise<Household> {
  const email = uniqueEmail("account");
  const here = t.browser();
  const signedUp = await here.signUp(email);
  expect(signedUp.statusCode).toBe(201);
  const otherBrowser = t.browser({ ip: "198.51.100.7" });
  expect((await otherBrowser.signIn(email)).statusCode).toBe(200);
  const phone = t.phoneApp();
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return { email, accountId: signedUp.json().account.id, here, otherBrowser, phone };
}

function changePassword(device: Device, body: Record<string, unknown>) {
  return device.post("/api/v1/account/password", body);
}

/** Signs in from a brand-new browser and answers the status. */
async function signInStatus(email: string, password: string): Promise<number> {
  return (await t.browser({ ip: "192.0.2.99" }).signIn(email, password)).statusCode;
}

async function storedAccount(accountId: string) {
  const account = await t.core.stores.accounts.findById(accountId);
  if (!account) throw new Error("account vanished");
  return account;
}

async function auditTypes(accountId: string): Promise<string[]> {
  return (await t.core.stores.audit.listByAccount(accountId, 100)).map((event) => event.type);
}

/**
 * GET /me with exactly the given token, the way the device carried it. Sent past the Device
 * so that the refusal's cleared cookie does not wipe the device's current one.
 */
function withToken(device: Device, token: string) {
  const carrier =
    device.kind === "browser" ? { cookie: `${SESSION_COOKIE}=${token}` } : { authorization: `Bearer ${token}` };
  return t.app.inject({ method: "GET", url: "/api/v1/me", headers: { "user-agent": device.userAgent, ...carrier } });
}

describe("GET /account", () => {
  it("shows the email (case-folded), plan, no phone, when the password changed and since when the member is", async () => {
    const signedUpAt = t.clock.now().toISOString();
    const email = uniqueEmail("Mixed.Case");
    const browser = t.browser();
    expect((await browser.signUp(email.toUpperCase())).statusCode).toBe(201);

    const response = await browser.get("/api/v1/account");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      account: {
        email: email.toLowerCase(),
        plan: "standard",
        phone: null,
        passwordChangedAt: signedUpAt,
        memberSince: signedUpAt,
        emailVerified: false,
      },
    });
  });

  it("shows the phone masked to its last two digits and never the whole number", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("masked"))).statusCode).toBe(201);
    const added = await browser.put("/api/v1/account/phone", {
      phone: "+1 202 555 0143",
      currentPassword: STRONG_PASSWORD,
      smsOptIn: true,
    });
    expect(added.statusCode).toBe(200);

    const response = await browser.get("/api/v1/account");
    expect(response.statusCode).toBe(200);
    expect(response.json().account.phone).toEqual({ masked: "+1 ••• ••• ••43", verified: false, smsOptIn: true });
    for (const whole of ["+12025550143", "2025550143", "202 555 0143", "202-555-0143", "5550143", "555 0143"]) {
      expect(response.body).not.toContain(whole);
      expect(added.body).not.toContain(whole);
    }
  });

  it("refuses a request without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/account" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("POST /account/password", () => {
  it("changes nothing when the current password is wrong", async () => {
    const h = await household();
    const before = await storedAccount(h.accountId);
    const oldCookie = h.here.sessionToken;
    t.clock.advance(minutes(1));

    const response = await changePassword(h.here, {
      currentPassword: "not-my-password-at-all",
      newPassword: NEW_PASSWORD,
      requireAllDevicesToSignIn: true,
    });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("WRONG_PASSWORD");
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    expect(h.here.sessionToken).toBe(oldCookie);
    for (const device of [h.here, h.otherBrowser, h.phone]) {
      expect((await device.get("/api/v1/me")).statusCode).toBe(200);
    }
    expect(await signInStatus(h.email, STRONG_PASSWORD)).toBe(200);
    expect(await signInStatus(h.email, NEW_PASSWORD)).toBe(401);
    const after = await storedAccount(h.accountId);
    expect(after.passwordChangedAt).toEqual(before.passwordChangedAt);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await auditTypes(h.accountId)).not.toContain("password_changed");
  });

  it('signs out every other device when "require all devices to sign in" is checked, and keeps this browser signed in with a new cookie', async () => {
    const h = await household();
    const oldToken = h.here.sessionToken!;

    const response = await changePassword(h.here, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      requireAllDevicesToSignIn: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutDevices: 2 });

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

  it('signs out every other device when the phone app changes the password, and hands the app its new token in the body', async () => {
    const h = await household();
    const oldToken = h.phone.token!;

    const response = await changePassword(h.phone, {
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
      requireAllDevicesToSignIn: true,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.signedOutDevices).toBe(2);
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
    expect(response.json()).toEqual({ signedOutDevices: 2 });

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
      requireAllDevicesToSignIn: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutDevices: 0 });

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
      requireAllDevicesToSignIn: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().signedOutDevices).toBe(0);
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

    expect(
      (await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(200);

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
      requireAllDevicesToSignIn: true,
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
    expect(
      (await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(200);

    expect(await signInStatus(h.email, NEW_PASSWORD)).toBe(200);
    const old = await t.browser({ ip: "192.0.2.98" }).signIn(h.email, STRONG_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(errorCode(old)).toBe("INVALID_CREDENTIALS");
  });

  it("keeps the profile chosen on this device across the new token", async () => {
    const h = await household();
    const profileId = (await h.here.get("/api/v1/profiles")).json().profiles[0].id;
    expect((await h.here.post(`/api/v1/profiles/${profileId}/choose`)).statusCode).toBe(200);

    expect(
      (await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(200);
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
          requireAllDevicesToSignIn: false,
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

  describe("refuses a new password that breaks the policy, and changes nothing", () => {
    it.each([
      ["too short", "short1", "PASSWORD_TOO_SHORT"],
      ["too long", "x".repeat(129), "PASSWORD_TOO_LONG"],
      ["too common", "password123", "PASSWORD_TOO_COMMON"],
      ["too common in other letter case", "QWERTY123", "PASSWORD_TOO_COMMON"],
    ])("%s", async (_label, newPassword, code) => {
      const h = await household();
      const before = await storedAccount(h.accountId);
      t.clock.advance(minutes(1));

      const response = await changePassword(h.here, {
        currentPassword: STRONG_PASSWORD,
        newPassword,
        requireAllDevicesToSignIn: true,
      });
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe(code);

      for (const device of [h.here, h.otherBrowser, h.phone]) {
        expect((await device.get("/api/v1/me")).statusCode).toBe(200);
      }
      const after = await storedAccount(h.accountId);
      expect(after.passwordHash).toBe(before.passwordHash);
      expect(after.passwordChangedAt).toEqual(before.passwordChangedAt);
      expect(await signInStatus(h.email, STRONG_PASSWORD)).toBe(200);
      expect(await auditTypes(h.accountId)).not.toContain("password_changed");
    });
  });

  it("refuses a new password equal to the current one with PASSWORD_UNCHANGED, even typed in another Unicode form", async () => {
    const h = await household();
    const before = await storedAccount(h.accountId);
    // Fullwidth letters: a different string that NFKC folds to the same password.
    const fullwidth = STRONG_PASSWORD.replace("violet", "ｖｉｏｌｅｔ");
    expect(fullwidth).not.toBe(STRONG_PASSWORD);

    for (const newPassword of [STRONG_PASSWORD, fullwidth]) {
      const response = await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword });
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_UNCHANGED");
    }
    expect((await h.phone.get("/api/v1/me")).statusCode).toBe(200);
    expect((await storedAccount(h.accountId)).passwordChangedAt).toEqual(before.passwordChangedAt);
  });

  it("refuses a body with a missing field or an unknown one with 400 and changes nothing", async () => {
    const h = await household();
    const before = await storedAccount(h.accountId);
    for (const body of [
      { newPassword: NEW_PASSWORD },
      { currentPassword: STRONG_PASSWORD },
      { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD, signOutEveryone: true },
      { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD, requireAllDevicesToSignIn: "yes" },
    ]) {
      const response = await changePassword(h.here, body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect((await storedAccount(h.accountId)).passwordHash).toBe(before.passwordHash);
    expect((await h.phone.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("throttles current-password checks with 429 and Retry-After, then lets the owner in once the window passes", async () => {
    const h = await household();
    const before = await storedAccount(h.accountId);
    const allowed = t.core.config.limits.passwordCheckPerAccount.limit;

    for (let i = 0; i < allowed; i++) {
      const wrong = await changePassword(h.here, { currentPassword: `guess-number-${i}`, newPassword: NEW_PASSWORD });
      expect(wrong.statusCode).toBe(403);
    }
    // Even the right password is not checked while the account is throttled.
    const throttled = await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
    expect(throttled.statusCode).toBe(429);
    expect(errorCode(throttled)).toBe("RATE_LIMITED");
    const retryAfter = Number(throttled.headers["retry-after"]);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(t.core.config.limits.passwordCheckPerAccount.windowMs / 1000);
    expect((await storedAccount(h.accountId)).passwordHash).toBe(before.passwordHash);
    expect((await h.phone.get("/api/v1/me")).statusCode).toBe(200);

    // The throttle covers every current-password check of the account, from any device.
    const fromPhone = await changePassword(h.phone, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
    expect(fromPhone.statusCode).toBe(429);

    t.clock.advance(retryAfter * 1000);
    const later = await changePassword(h.here, { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
    expect(later.statusCode).toBe(200);
  });
});
