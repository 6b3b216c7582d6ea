// Route tests for "Add phone number" (number, current password, text-message opt-in, Save) and changing the number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, latestSmsCode, STRONG_PASSWORD, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { minutes } from "../../core/clock";
import { hmacSha256Hex, sha256Hex } from "../../core/crypto/hashing";
import { phoneTestHelpers, verify } from "./phone-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { aNumber, member, addPhone, stored, smsTo, codeRows, auditTypes, memberWithVerifiedPhone } = phoneTestHelpers(() => t);

describe("PUT /account/phone (Add phone number)", () => {
  it("stores the number unverified in E.164 with the opt-in, and texts a 6-digit code valid for 10 minutes", async () => {
    const m = await member();
    const number = aNumber();

    const response = await addPhone(m.browser, number.typed, { smsOptIn: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      phone: { masked: expect.stringMatching(/^\+1 ••• ••• ••\d\d$/), verified: false, smsOptIn: true },
      codeExpiresAt: new Date(t.clock.now().getTime() + minutes(10)).toISOString(),
    });

    const account = await stored(m.accountId);
    expect(account.phoneE164).toBe(number.e164);
    expect(account.phoneVerifiedAt).toBeNull();
    expect(account.smsOptIn).toBe(true);

    const texts = await smsTo(number.e164);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.template).toBe("phone_verification");
    expect(await latestSmsCode(t.core, number.e164)).toMatch(/^\d{6}$/);
  });

  it("records the text-message choice when it is declined", async () => {
    const m = await member();
    const response = await addPhone(m.browser, aNumber().typed, { smsOptIn: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone.smsOptIn).toBe(false);
    expect((await stored(m.accountId)).smsOptIn).toBe(false);
  });

  it("reads a national number with its country and stores it in E.164", async () => {
    const m = await member();
    const response = await addPhone(m.browser, "07400 123456", { country: "GB" });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone.masked).toBe("+44 •••• ••••56");
    expect((await stored(m.accountId)).phoneE164).toBe("+447400123456");
    expect(await latestSmsCode(t.core, "+447400123456")).toMatch(/^\d{6}$/);
  });

  it("keeps the code only as a keyed digest: the code row never holds the code", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    const rows = await codeRows(m.accountId);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.codeHash).toBe(hmacSha256Hex(t.core.keys.oneTimeCodes, code));
    expect(row.codeHash).not.toBe(sha256Hex(code));
    expect(row).toMatchObject({ purpose: "phone_verification", target: number.e164, attempts: 0, usedAt: null });
  });

  it("refuses a wrong current password with 403 and stores nothing, texts nothing", async () => {
    const m = await member();
    const number = aNumber();
    const response = await addPhone(m.browser, number.typed, { currentPassword: "not-my-password-at-all" });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("WRONG_PASSWORD");

    const account = await stored(m.accountId);
    expect(account.phoneE164).toBeNull();
    expect(account.smsOptIn).toBe(false);
    expect(await smsTo(number.e164)).toHaveLength(0);
    expect(await codeRows(m.accountId)).toHaveLength(0);
    expect(await auditTypes(m.accountId)).toEqual([]);
    expect((await m.browser.get("/api/v1/account")).json().account.phone).toBeNull();
  });

  it("keeps the verified number when a new one is sent with a wrong current password", async () => {
    const m = await memberWithVerifiedPhone();
    const before = await stored(m.accountId);
    const response = await addPhone(m.browser, aNumber().typed, { currentPassword: "not-my-password-at-all" });
    expect(response.statusCode).toBe(403);
    const after = await stored(m.accountId);
    expect(after.phoneE164).toBe(m.number.e164);
    expect(after.phoneVerifiedAt).toEqual(before.phoneVerifiedAt);
  });

  it.each([["12345"], ["+1 202 555 014"], ["call me maybe"], ["+999 1234 5678"], ["020 7946 0958 (no country)"]])(
    "refuses %j with 400 INVALID_PHONE and stores nothing",
    async (phone) => {
      const m = await member();
      const response = await addPhone(m.browser, phone);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("INVALID_PHONE");
      expect((await stored(m.accountId)).phoneE164).toBeNull();
      expect(await codeRows(m.accountId)).toHaveLength(0);
    },
  );

  it.each([
    ["a landline", "020 7946 0958", "GB", "+442079460958"],
    ["a toll-free number", "+1 800 555 0199", undefined, "+18005550199"],
  ])("refuses %s with 400 PHONE_NOT_MOBILE and texts nothing", async (_label, phone, country, e164) => {
    const m = await member();
    const response = await addPhone(m.browser, phone, country ? { country } : {});
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("PHONE_NOT_MOBILE");
    expect((await stored(m.accountId)).phoneE164).toBeNull();
    expect(await smsTo(e164)).toHaveLength(0);
  });

  it("refuses a body without the current password or with unknown fields with 400 VALIDATION_FAILED", async () => {
    const m = await member();
    const number = aNumber();
    for (const body of [
      { phone: number.typed, smsOptIn: true },
      { phone: number.typed, currentPassword: STRONG_PASSWORD },
      { phone: number.typed, currentPassword: STRONG_PASSWORD, smsOptIn: true, verified: true },
    ]) {
      const response = await m.browser.put("/api/v1/account/phone", body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect((await stored(m.accountId)).phoneE164).toBeNull();
  });

  it("refuses with 409 PHONE_IN_USE a number verified on another account, storing and texting nothing", async () => {
    const owner = await memberWithVerifiedPhone();
    const textsBefore = (await smsTo(owner.number.e164)).length;

    const other = await member();
    const response = await addPhone(other.browser, owner.number.typed);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("PHONE_IN_USE");
    expect((await stored(other.accountId)).phoneE164).toBeNull();
    expect(await smsTo(owner.number.e164)).toHaveLength(textsBefore);
    expect((await stored(owner.accountId)).phoneVerifiedAt).not.toBeNull();
  });

  it("changes the number: a new code to the new number, unverified again, and the old number is free for others", async () => {
    const m = await memberWithVerifiedPhone();
    const next = aNumber();

    const response = await addPhone(m.browser, next.typed);
    expect(response.statusCode).toBe(200);
    expect(response.json().phone.verified).toBe(false);
    expect(response.json().codeExpiresAt).not.toBeNull();
    const account = await stored(m.accountId);
    expect(account.phoneE164).toBe(next.e164);
    expect(account.phoneVerifiedAt).toBeNull();
    expect(await smsTo(next.e164)).toHaveLength(1);

    const verified = await verify(m.browser, await latestSmsCode(t.core, next.e164));
    expect(verified.statusCode).toBe(200);
    expect(verified.json().phone.verified).toBe(true);

    const other = await member();
    expect((await addPhone(other.browser, m.number.typed)).statusCode).toBe(200);
    expect((await verify(other.browser, await latestSmsCode(t.core, m.number.e164))).statusCode).toBe(200);
  });

  it("only updates the text-message choice when the same verified number is saved again: no new code", async () => {
    const m = await memberWithVerifiedPhone();
    const before = await stored(m.accountId);
    const texts = (await smsTo(m.number.e164)).length;

    const response = await addPhone(m.browser, m.number.typed, { smsOptIn: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      phone: { masked: expect.any(String), verified: true, smsOptIn: false },
      codeExpiresAt: null,
    });
    const after = await stored(m.accountId);
    expect(after.phoneVerifiedAt).toEqual(before.phoneVerifiedAt);
    expect(after.smsOptIn).toBe(false);
    expect(await smsTo(m.number.e164)).toHaveLength(texts);
  });
});
