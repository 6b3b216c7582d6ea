// Helpers shared by the add-phone, verify-phone and remove-phone route tests, bound to each file's test app.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { type Device, latestSmsCode, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import { oneTimeCode } from "../../store/schema";

export interface Member {
  accountId: string;
  browser: Device;
}

export function verify(device: Device, code: string) {
  return device.post("/api/v1/account/phone/verify", { code });
}
export function removePhone(device: Device, currentPassword = STRONG_PASSWORD) {
  return device.post("/api/v1/account/phone/remove", { currentPassword });
}

/** A code that is certainly not `code`. */
export function otherThan(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

/** The helpers that talk to the file's app; `app()` answers it once beforeAll has built it. */
export function phoneTestHelpers(app: () => TestApp) {
  /** A fresh US number per test ("+1 202 555 01NN", valid and textable), so outboxes never mix. */
  let numberCounter = 0;
  function aNumber(): { typed: string; e164: string } {
    const nn = String(numberCounter++ % 100).padStart(2, "0");
    return { typed: `+1 202 555 01${nn}`, e164: `+120255501${nn}` };
  }

  async function member(device: Device = app().browser()): Promise<Member> {
    const response = await device.signUp(uniqueEmail("phone"));
    expect(response.statusCode).toBe(201);
    return { accountId: response.json().account.id, browser: device };
  }

  // The clock moves one second before anything is texted, so "the newest SMS" is never a tie.
  function addPhone(device: Device, phone: string, extra: Record<string, unknown> = {}) {
    app().clock.advance(1000);
    return device.put("/api/v1/account/phone", { phone, currentPassword: STRONG_PASSWORD, smsOptIn: true, ...extra });
  }
  function resendCode(device: Device) {
    app().clock.advance(1000);
    return device.post("/api/v1/account/phone/resend-code");
  }

  async function stored(accountId: string) {
    const account = await app().core.stores.accounts.findById(accountId);
    if (!account) throw new Error("account vanished");
    return account;
  }

  async function smsTo(e164: string) {
    return (await app().core.stores.outbox.listRecent(1000)).filter((m) => m.channel === "sms" && m.recipient === e164);
  }

  async function codeRows(accountId: string) {
    // Phone codes only: every account also has its email-verification link row.
    return app()
      .database.database.db.select()
      .from(oneTimeCode)
      .where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, "phone_verification")));
  }

  async function auditTypes(accountId: string): Promise<string[]> {
    const events = await app().core.stores.audit.listByAccount(accountId, 100);
    return events
      .filter((event) => event.type.startsWith("phone_"))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((event) => event.type);
  }

  /** An account whose number is added and verified. */
  async function memberWithVerifiedPhone(number = aNumber()) {
    const m = await member();
    expect((await addPhone(m.browser, number.typed)).statusCode).toBe(200);
    const verified = await verify(m.browser, await latestSmsCode(app().core, number.e164));
    expect(verified.statusCode).toBe(200);
    return { ...m, number };
  }

  return { aNumber, member, addPhone, resendCode, stored, smsTo, codeRows, auditTypes, memberWithVerifiedPhone };
}
