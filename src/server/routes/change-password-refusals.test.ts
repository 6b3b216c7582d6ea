// Route tests for "Change password" refused: wrong or throttled current password, a new password against policy, a bad body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, withoutPerIpLimits } from "../../../test/helper";
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

async function auditTypes(accountId: string): Promise<string[]> {
  return (await t.core.stores.audit.listByAccount(accountId, 100)).map((event) => event.type);
}

describe("POST /account/password", () => {
  it("changes nothing when the current password is wrong", async () => {
    const h = await household();
    const before = await storedAccount(h.accountId);
    const oldCookie = h.here.sessionToken;
    t.clock.advance(minutes(1));

    const response = await changePassword(h.here, {
      currentPassword: "not-my-password-at-all",
      newPassword: NEW_PASSWORD,
      signOutOtherDevices: true,
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
        signOutOtherDevices: true,
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
      { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: "yes" },
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
