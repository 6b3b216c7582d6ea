// Route tests for "change email": re-authentication, a link to the new address
// (24 h, single use), the change once it is opened, and a notice to the old address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  errorCode,
  nextIp,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { hours } from "../../core/clock";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});
afterAll(async () => {
  await t?.close();
});

async function member(): Promise<{ accountId: string; email: string; browser: Device }> {
  const email = uniqueEmail("change");
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(email);
  expect(response.statusCode).toBe(201);
  return { accountId: response.json().account.id, email, browser };
}

const ask = (device: Device, newEmail: string, currentPassword = STRONG_PASSWORD) =>
  device.post("/api/v1/account/email", { newEmail, currentPassword });
const confirm = (token: string) => t.browser({ ip: nextIp() }).post("/api/v1/account/email/confirm", { token });

async function linkTo(email: string): Promise<string> {
  const message = (await t.core.stores.outbox.listRecent(1000)).find((m) => m.recipient === email && m.template === "email_change");
  if (!message) throw new Error(`no change link to ${email}`);
  return (message.payload as { token: string }).token;
}
const stored = async (accountId: string) => (await t.core.stores.accounts.findById(accountId))!;

describe("change email", () => {
  it("sends a link to the new address; opening it changes and verifies the email and tells the old address", async () => {
    const m = await member();
    const next = uniqueEmail("Next");
    const asked = await ask(m.browser, next.toUpperCase());
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ sentTo: next.toLowerCase() });
    expect((await stored(m.accountId)).email).toBe(m.email);

    const done = await confirm(await linkTo(next.toLowerCase()));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ email: next.toLowerCase() });
    expect(await stored(m.accountId)).toMatchObject({ email: next.toLowerCase(), emailVerifiedAt: t.clock.now() });
    const notice = (await t.core.stores.outbox.listRecent(1000)).find((x) => x.recipient === m.email && x.template === "email_changed");
    expect(notice?.payload).toEqual({ newEmail: "n***@example.com", at: t.clock.now().toISOString() });
    expect((await t.browser({ ip: nextIp() }).signIn(next)).statusCode).toBe(200);
    expect((await t.browser({ ip: nextIp() }).signIn(m.email)).statusCode).toBe(401);
  });

  it("needs the current password (403 WRONG_PASSWORD) and sends nothing without it", async () => {
    const m = await member();
    const next = uniqueEmail("next");
    const refused = await ask(m.browser, next, "not-my-password-1");
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, "WRONG_PASSWORD"]);
    await expect(linkTo(next)).rejects.toThrow();
  });

  it("refuses a malformed address (400), the current one (400) and a taken one (409)", async () => {
    const m = await member();
    const other = await member();
    expect(errorCode(await ask(m.browser, "not an email"))).toBe("INVALID_EMAIL");
    expect(errorCode(await ask(m.browser, m.email))).toBe("EMAIL_UNCHANGED");
    const taken = await ask(m.browser, other.email);
    expect([taken.statusCode, errorCode(taken)]).toEqual([409, "EMAIL_TAKEN"]);
  });

  it("refuses the link once the address was taken meanwhile (409), and again once used or expired (410)", async () => {
    const m = await member();
    const next = uniqueEmail("next");
    await ask(m.browser, next);
    const token = await linkTo(next);
    expect((await t.browser({ ip: nextIp() }).signUp(next)).statusCode).toBe(201);
    expect(errorCode(await confirm(token))).toBe("EMAIL_TAKEN");
    expect((await stored(m.accountId)).email).toBe(m.email);

    const n = await member();
    const later = uniqueEmail("later");
    await ask(n.browser, later);
    const once = await linkTo(later);
    expect((await confirm(once)).statusCode).toBe(200);
    expect([(await confirm(once)).statusCode, errorCode(await confirm(once))]).toEqual([410, "LINK_EXPIRED"]);

    const o = await member();
    const slow = uniqueEmail("slow");
    await ask(o.browser, slow);
    const expired = await linkTo(slow);
    t.clock.advance(hours(24));
    expect(errorCode(await confirm(expired))).toBe("LINK_EXPIRED");
    expect((await stored(o.accountId)).email).toBe(o.email);
  });

  it("needs a session to ask (401) and a well-formed link to confirm (400 LINK_INVALID)", async () => {
    expect((await ask(t.browser(), uniqueEmail())).statusCode).toBe(401);
    expect(errorCode(await confirm("nope"))).toBe("LINK_INVALID");
  });
});
