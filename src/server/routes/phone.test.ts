// Route tests for "Add phone number" (phone number, current password, text-message opt-in,
// Save, then the code sent by SMS), changing and removing the number, and the code's rules:
// 6 digits, 10 minutes, 5 attempts, one use, kept only as a keyed digest.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../core/clock";
import { hmacSha256Hex, sha256Hex } from "../../core/crypto/hashing";
import { oneTimeCode } from "../../store/schema";
import {
  buildTestApp,
  errorCode,
  latestSmsCode,
  STRONG_PASSWORD,
  uniqueEmail,
  withoutPerIpLimits,
  type Device,
  type TestApp,
} from "../../../test/helper";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

/** A fresh US number per test ("+1 202 555 01NN", valid and textable), so outboxes never mix. */
let numberCounter = 0;
function aNumber(): { typed: string; e164: string } {
  const nn = String(numberCounter++ % 100).padStart(2, "0");
  return { typed: `+1 202 555 01${nn}`, e164: `+120255501${nn}` };
}

interface Member {
  accountId: string;
  browser: Device;
}

async function member(device: Device = t.browser()): Promise<Member> {
  const response = await device.signUp(uniqueEmail("phone"));
  expect(response.statusCode).toBe(201);
  return { accountId: response.json().account.id, browser: device };
}

// The clock moves one second before anything is texted, so "the newest SMS" is never a tie.
function addPhone(device: Device, phone: string, extra: Record<string, unknown> = {}) {
  t.clock.advance(1000);
  return device.put("/api/v1/account/phone", { phone, currentPassword: STRONG_PASSWORD, smsOptIn: true, ...extra });
}
function resendCode(device: Device) {
  t.clock.advance(1000);
  return device.post("/api/v1/account/phone/resend-code");
}
function verify(device: Device, code: string) {
  return device.post("/api/v1/account/phone/verify", { code });
}
function removePhone(device: Device, currentPassword = STRONG_PASSWORD) {
  return device.post("/api/v1/account/phone/remove", { currentPassword });
}

/** A code that is certainly not `code`. */
function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function stored(accountId: string) {
  const account = await t.core.stores.accounts.findById(accountId);
  if (!account) throw new Error("account vanished");
  return account;
}

async function smsTo(e164: string) {
  return (await t.core.stores.outbox.listRecent(1000)).filter((m) => m.channel === "sms" && m.recipient === e164);
}

async function codeRows(accountId: string) {
  // Phone codes only: every account also has its email-verification link row.
  return t.database.database.db
    .select()
    .from(oneTimeCode)
    .where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, "phone_verification")));
}

async function auditTypes(accountId: string): Promise<string[]> {
  const events = await t.core.stores.audit.listByAccount(accountId, 100);
  return events
    .filter((event) => event.type.startsWith("phone_"))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((event) => event.type);
}

/** An account whose number is added and verified. */
async function memberWithVerifiedPhone(number = aNumber()) {
  const m = await member();
  expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
  const verified = await verify(m.browser, await latestSmsCode(t.core, number.e164));
  expect(verified.statusCode).toBe(200);
  return { ...m, number };
}

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

describe("POST /account/phone/remove", () => {
  it("refuses a wrong current password with 403 and keeps the phone", async () => {
    const m = await memberWithVerifiedPhone();
    const response = await removePhone(m.browser, "not-my-password-at-all");
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("WRONG_PASSWORD");
    const account = await stored(m.accountId);
    expect(account.phoneE164).toBe(m.number.e164);
    expect(account.phoneVerifiedAt).not.toBeNull();
  });

  it("removes the phone with the current password: the account shows none and the number is free again", async () => {
    const m = await memberWithVerifiedPhone();
    const response = await removePhone(m.browser);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ phone: null });

    expect((await m.browser.get("/api/v1/account")).json().account.phone).toBeNull();
    const account = await stored(m.accountId);
    expect(account).toMatchObject({ phoneE164: null, phoneVerifiedAt: null, smsOptIn: false });

    const other = await member();
    expect((await addPhone(other.browser, m.number.typed)).statusCode).toBe(200);
  });

  it("answers 404 NO_PHONE when there is nothing to remove", async () => {
    const m = await member();
    const response = await removePhone(m.browser);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("NO_PHONE");
  });

  it("makes a pending code useless: verifying after removal answers NO_PHONE", async () => {
    const m = await member();
    const number = aNumber();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const code = await latestSmsCode(t.core, number.e164);
    expect((await removePhone(m.browser)).statusCode).toBe(200);

    const response = await verify(m.browser, code);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("NO_PHONE");
    expect((await stored(m.accountId)).phoneVerifiedAt).toBeNull();
  });
});

describe("audit log", () => {
  it("records phone_added, phone_verified, phone_changed and phone_removed as they happen", async () => {
    const m = await member();
    const first = aNumber();
    const second = aNumber();

    expect((await addPhone(m.browser, first.typed)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await verify(m.browser, await latestSmsCode(t.core, first.e164))).statusCode).toBe(200);
    expect((await addPhone(m.browser, second.typed)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await removePhone(m.browser)).statusCode).toBe(200);

    expect(await auditTypes(m.accountId)).toEqual(["phone_added", "phone_verified", "phone_changed", "phone_removed"]);
  });
});

describe("races", () => {
  // The windows are narrow, so each race is run several times.
  const rounds = 10;

  it("never fails and ends with the new number unverified when a verification races a change of number", async () => {
    for (let round = 0; round < rounds; round++) {
      const m = await member();
      const first = aNumber();
      const next = aNumber();
      expect((await addPhone(m.browser, first.typed)).statusCode).toBe(200);
      const code = await latestSmsCode(t.core, first.e164);

      const [verified, changed] = await Promise.all([verify(m.browser, code), addPhone(m.browser, next.typed)]);
      expect([200, 400, 410]).toContain(verified.statusCode);
      expect(changed.statusCode).toBe(200);
      const account = await stored(m.accountId);
      expect(account.phoneE164).toBe(next.e164);
      expect(account.phoneVerifiedAt).toBeNull();
    }
  });

  it("never brings a removed number back when a verification races the removal", async () => {
    for (let round = 0; round < rounds; round++) {
      const m = await member();
      const number = aNumber();
      expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
      const code = await latestSmsCode(t.core, number.e164);

      const [verified, removed] = await Promise.all([verify(m.browser, code), removePhone(m.browser)]);
      expect([200, 404, 410]).toContain(verified.statusCode);
      expect(removed.statusCode).toBe(200);
      expect(await stored(m.accountId)).toMatchObject({ phoneE164: null, phoneVerifiedAt: null });
      expect((await m.browser.get("/api/v1/account")).json().account.phone).toBeNull();
    }
  });
});
