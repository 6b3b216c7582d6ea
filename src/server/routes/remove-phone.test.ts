// Route tests for removing a phone number, the phone's audit trail, and verifications racing a change or a removal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, latestSmsCode, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { phoneTestHelpers, removePhone, verify } from "./phone-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Many accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { aNumber, member, addPhone, stored, auditTypes, memberWithVerifiedPhone } = phoneTestHelpers(() => t);

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
  /** A member adds a number, verifies it, changes it for another, then removes it. */
  async function addVerifyChangeAndRemove() {
    const m = await member();
    const first = aNumber();
    const second = aNumber();
    expect((await addPhone(m.browser, first.typed)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await verify(m.browser, await latestSmsCode(t.core, first.e164))).statusCode).toBe(200);
    expect((await addPhone(m.browser, second.typed)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await removePhone(m.browser)).statusCode).toBe(200);
    return { m, first, second };
  }

  it("records phone_added, phone_verified, phone_changed and phone_removed as they happen", async () => {
    const { m } = await addVerifyChangeAndRemove();
    expect(await auditTypes(m.accountId)).toEqual(["phone_added", "phone_verified", "phone_changed", "phone_removed"]);
  });

  it("names the number by its masked ending only, in the log and in the account's activity", async () => {
    const { m, first, second } = await addVerifyChangeAndRemove();

    // "+1 202 555 0107" shows as "+1 ••• ••• ••07".
    const masked = (number: { e164: string }) => `+1 ••• ••• ••${number.e164.slice(-2)}`;
    const stored = (await t.core.stores.audit.listByAccount(m.accountId, 100)).filter((event) => event.type.startsWith("phone_"));
    expect(stored.map((event) => [event.type, event.details]).reverse()).toEqual([
      ["phone_added", { maskedPhone: masked(first) }],
      ["phone_verified", { maskedPhone: masked(first) }],
      ["phone_changed", { from: masked(first), to: masked(second) }],
      ["phone_removed", { maskedPhone: masked(second) }],
    ]);
    const { events } = (await m.browser.get("/api/v1/account/activity")).json() as { events: { type: string; details: object }[] };
    expect(events.find((event) => event.type === "phone_removed")?.details).toEqual({ maskedPhone: masked(second) });
    for (const number of [first, second]) {
      expect(JSON.stringify(stored)).not.toContain(number.e164.slice(2, -2));
      expect(JSON.stringify(events)).not.toContain(number.e164.slice(2, -2));
    }
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
