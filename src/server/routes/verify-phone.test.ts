// Route tests for verifying a phone number by the code sent by SMS: 6 digits, 10 minutes, 5 attempts, one use, and resending it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, latestSmsCode, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { minutes } from "../../core/clock";
import { otherThan, phoneTestHelpers, removePhone, verify } from "./phone-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { aNumber, member, addPhone, resendCode, stored, smsTo, codeRows, auditTypes, memberWithVerifiedPhone } = phoneTestHelpers(() => t);

describe("POST /account/phone/verify", () => {
  it("marks the phone verified with the right code", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    const response = await verify(m.browser, code);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      phone: { masked: expect.stringMatching(/^\+1 ••• ••• ••\d\d$/), verified: true, smsOptIn: true },
    });
    const account = await stored(m.accountId);
    expect(account.phoneE164).toBe(number.e164);
    expect(account.phoneVerifiedAt).toEqual(t.clock.now());
    expect((await m.browser.get("/api/v1/account")).json().account.phone.verified).toBe(true);
    expect((await codeRows(m.accountId))[0]!.usedAt).not.toBeNull();
  });

  it("refuses a wrong code with 400 CODE_INVALID and leaves the phone unverified", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    const response = await verify(m.browser, otherThan(code));
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("CODE_INVALID");
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();
    expect((await codeRows(m.accountId))[0]!.attempts).toBe(1);
  });

  it("refuses a code that is not 6 digits with 400 VALIDATION_FAILED", async () => {
    const m = await member();
    expect((await addPhone(m.browser, aNumber().typed)).statusCode).toBe(200);
    for (const code of ["12345", "1234567", "abcdef"]) {
      const response = await verify(m.browser, code);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();
  });

  it("still accepts the right code as the fifth attempt, after four wrong ones", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    for (let i = 0; i < 4; i++) expect((await verify(m.browser, otherThan(code))).statusCode).toBe(400);
    const response = await verify(m.browser, code);
    expect(response.statusCode).toBe(200);
    expect((await stored(m.accountId)).phoneVerifiedAt).not.toBeNull();
  });

  it("refuses even the right code with 410 CODE_ATTEMPTS_EXCEEDED after 5 wrong attempts, until a new code is sent", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    for (let i = 0; i < 4; i++) {
      const wrong = await verify(m.browser, otherThan(code));
      expect(wrong.statusCode).toBe(400);
      expect(errorCode(wrong)).toBe("CODE_INVALID");
    }
    const fifth = await verify(m.browser, otherThan(code));
    expect(fifth.statusCode).toBe(410);
    expect(errorCode(fifth)).toBe("CODE_ATTEMPTS_EXCEEDED");

    const right = await verify(m.browser, code);
    expect(right.statusCode).toBe(410);
    expect(errorCode(right)).toBe("CODE_ATTEMPTS_EXCEEDED");
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();

    expect((await resendCode(m.browser)).statusCode).toBe(200);
    expect((await verify(m.browser, await latestSmsCode(t.core, number.e164))).statusCode).toBe(200);
  });

  it("expires the code 10 minutes after it was sent with 410 CODE_EXPIRED", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    t.clock.advance(minutes(10));
    const response = await verify(m.browser, code);
    expect(response.statusCode).toBe(410);
    expect(errorCode(response)).toBe("CODE_EXPIRED");
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();

    expect((await resendCode(m.browser)).statusCode).toBe(200);
    expect((await verify(m.browser, await latestSmsCode(t.core, number.e164))).statusCode).toBe(200);
  });

  it("accepts the code until just before its 10 minutes are up", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    t.clock.advance(minutes(10) - 1000);
    expect((await verify(m.browser, code)).statusCode).toBe(200);
  });

  it("lets a code be used once: of two simultaneous verifications with it exactly one succeeds", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);

    const answers = await Promise.all([verify(m.browser, code), verify(m.browser, code)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode >= 500)).toHaveLength(0);
    expect((await auditTypes(m.accountId)).filter((type) => type === "phone_verified")).toHaveLength(1);

    const replay = await verify(m.browser, code);
    expect(replay.statusCode).toBe(409);
    expect(errorCode(replay)).toBe("PHONE_ALREADY_VERIFIED");
  });

  it("refuses a used code once the number has to be verified again", async () => {
    const m = await memberWithVerifiedPhone();
    const used = await latestSmsCode(t.core, m.number.e164);
    expect((await removePhone(m.browser)).statusCode).toBe(200);
    expect((await addPhone(m.browser, m.number.typed)).statusCode).toBe(200);
    const fresh = await latestSmsCode(t.core, m.number.e164);
    if (fresh === used) return; // one chance in a million that the new code repeats the old one

    const response = await verify(m.browser, used);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("CODE_INVALID");
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();
  });

  it("refuses with 409 PHONE_IN_USE the second of two accounts to verify the same number, and keeps it unverified there", async () => {
    const number = aNumber();
    const first = await member();
    const second = await member();
    expect((await addPhone(first.browser, number.typed)).statusCode).toBe(200);
    const firstCode = await latestSmsCode(t.core, number.e164);
    expect((await addPhone(second.browser, number.typed)).statusCode).toBe(200);
    const secondCode = await latestSmsCode(t.core, number.e164);

    expect((await verify(first.browser, firstCode)).statusCode).toBe(200);
    const response = await verify(second.browser, secondCode);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("PHONE_IN_USE");

    expect((await stored(first.accountId)).phoneVerifiedAt).not.toBeNull();
    const loser = await stored(second.accountId);
    expect(loser.phoneVerifiedAt).toBeNull();
    expect(await auditTypes(second.accountId)).not.toContain("phone_verified");
    // The losing account is not stuck: it can still remove the number.
    expect((await removePhone(second.browser)).statusCode).toBe(200);
  });

  it("answers 404 NO_PHONE when the account has no phone", async () => {
    const m = await member();
    const response = await verify(m.browser, "123456");
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("NO_PHONE");
  });

  it("answers 409 PHONE_ALREADY_VERIFIED when the phone is verified", async () => {
    const m = await memberWithVerifiedPhone();
    const response = await verify(m.browser, "123456");
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("PHONE_ALREADY_VERIFIED");
  });

  it("throttles code checks per account with 429 and Retry-After, across new codes", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const allowed = t.core.config.limits.phoneCodeCheckPerAccount.limit;

    // Resending after every 5 wrong guesses must not buy unlimited guesses.
    let checks = 0;
    while (checks < allowed) {
      const code = await latestSmsCode(t.core, number.e164);
      for (let i = 0; i < 5 && checks < allowed; i++, checks++) {
        expect([400, 410]).toContain((await verify(m.browser, otherThan(code))).statusCode);
      }
      expect((await resendCode(m.browser)).statusCode).toBe(200);
    }
    const right = await verify(m.browser, await latestSmsCode(t.core, number.e164));
    expect(right.statusCode).toBe(429);
    expect(errorCode(right)).toBe("RATE_LIMITED");
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();
  });
});

describe("POST /account/phone/resend-code", () => {
  it("texts a new code that expires 10 minutes from now, and the old code stops working", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const oldCode = await latestSmsCode(t.core, number.e164);

    t.clock.advance(minutes(5));
    const response = await resendCode(m.browser);
    expect(response.statusCode).toBe(200);
    expect(response.json().codeExpiresAt).toBe(new Date(t.clock.now().getTime() + minutes(10)).toISOString());
    const newCode = await latestSmsCode(t.core, number.e164);
    expect(await smsTo(number.e164)).toHaveLength(2);

    if (newCode !== oldCode) {
      const old = await verify(m.browser, oldCode);
      expect(old.statusCode).toBe(400);
      expect(errorCode(old)).toBe("CODE_INVALID");
    }
    // Past the old code's 10 minutes, the new one still works.
    t.clock.advance(minutes(6));
    expect((await verify(m.browser, newCode)).statusCode).toBe(200);
  });

  it("throttles sending codes per account with 429 and Retry-After", async () => {
    const m = await member();
    const number = aNumber();
    const allowed = t.core.config.limits.phoneCodeSendPerAccount.limit;
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    for (let i = 1; i < allowed; i++) expect((await resendCode(m.browser)).statusCode).toBe(200);

    const response = await resendCode(m.browser);
    expect(response.statusCode).toBe(429);
    expect(errorCode(response)).toBe("RATE_LIMITED");
    expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    expect(await smsTo(number.e164)).toHaveLength(allowed);
  });

  it("answers 404 NO_PHONE when the account has no phone", async () => {
    const m = await member();
    const response = await resendCode(m.browser);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("NO_PHONE");
  });

  it("answers 409 PHONE_ALREADY_VERIFIED when the phone is verified, and texts nothing", async () => {
    const m = await memberWithVerifiedPhone();
    const texts = (await smsTo(m.number.e164)).length;
    const response = await resendCode(m.browser);
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe("PHONE_ALREADY_VERIFIED");
    expect(await smsTo(m.number.e164)).toHaveLength(texts);
  });
});
