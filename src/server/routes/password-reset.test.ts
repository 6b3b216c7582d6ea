// Route tests for "Forgot password?": by emailed link (1 h) or by a code texted to the
// verified phone (10 min, 5 attempts per request); unknown accounts answered exactly like
// known ones; completing sets the password, signs out every device and signs in this one.
// Email goes through the dispatcher to a real SMTP server as well.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  errorCode,
  latestSmsCode,
  nextIp,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { type SmtpInbox, startSmtpInbox } from "../../../test/support/smtp-inbox";
import { createSmtpEmailSender } from "../../adapters/delivery/smtp-email-sender";
import { hours, minutes } from "../../core/clock";

const NEW_PASSWORD = "copper-lantern-meadow-77";
let t: TestApp;
let inbox: SmtpInbox;
let smtp: ReturnType<typeof createSmtpEmailSender>;
beforeAll(async () => {
  inbox = await startSmtpInbox();
  smtp = createSmtpEmailSender({ url: inbox.url, from: "Usher <no-reply@localhost>" });
  t = await buildTestApp({ config: withoutPerIpLimits, emailSender: smtp });
});
afterAll(async () => {
  await t?.close();
  smtp?.close();
  await inbox?.close();
});

let numbers = 0;
async function member(options: { verifiedPhone?: boolean } = {}) {
  const email = uniqueEmail("reset");
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(email);
  expect(response.statusCode).toBe(201);
  const e164 = `+1202555${String(2000 + numbers++).padStart(4, "0")}`;
  if (options.verifiedPhone) {
    expect((await browser.put("/api/v1/account/phone", { phone: e164, currentPassword: STRONG_PASSWORD, smsOptIn: true })).statusCode).toBe(
      200,
    );
    expect((await browser.post("/api/v1/account/phone/verify", { code: await latestSmsCode(t.core, e164) })).statusCode).toBe(200);
  }
  return { accountId: response.json().account.id as string, email, e164, browser };
}

const ask = (email: string, method?: "email" | "sms", device: Device = t.browser({ ip: nextIp() })) =>
  device.post("/api/v1/auth/password-reset", { email, ...(method ? { method } : {}) });
const complete = (body: Record<string, unknown>, device: Device = t.browser({ ip: nextIp() })) =>
  device.post("/api/v1/auth/password-reset/complete", { newPassword: NEW_PASSWORD, ...body });

/** What went out to a recipient, once the dispatcher has settled every request. */
async function outboxTo(recipient: string) {
  await t.delivered();
  return (await t.core.stores.outbox.listRecent(1000)).filter((m) => m.recipient === recipient);
}
const flowOf = (asked: LightMyRequestResponse): string => asked.json().flowId;
/** The answer with its flow id (different for every request) left out. */
const withoutFlow = (asked: LightMyRequestResponse) => ({ ...asked.json(), flowId: typeof asked.json().flowId });
async function resetToken(email: string): Promise<string> {
  const message = (await outboxTo(email)).find((m) => m.template === "password_reset");
  if (!message) throw new Error(`no reset email to ${email}`);
  return (message.payload as { token: string }).token;
}
async function resetCode(e164: string): Promise<string> {
  const message = (await outboxTo(e164)).find((m) => m.template === "password_reset_code");
  if (!message) throw new Error(`no reset code to ${e164}`);
  const code = (message.payload as { code: string }).code;
  t.logs.codes.add(code);
  return code;
}

describe("asking for a password reset", () => {
  it("answers 202 alike for a known and an unknown address, and emails only the known one", async () => {
    const m = await member();
    const unknown = uniqueEmail("nobody");
    const known = await ask(m.email);
    const stranger = await ask(unknown);
    expect([known.statusCode, stranger.statusCode]).toEqual([202, 202]);
    expect(withoutFlow(stranger)).toEqual(withoutFlow(known));
    expect(known.json()).toEqual({ method: "email", flowId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await outboxTo(unknown)).toEqual([]);
    expect((await outboxTo(m.email)).map((x) => x.template)).toContain("password_reset");
    // Recorded for the owner when it went out.
    const audit = await t.core.stores.audit.listByAccount(m.accountId, 10);
    expect(audit.filter((e) => e.type === "password_reset_requested")).toHaveLength(1);
  });

  it("texts a code only to a verified phone, answering alike when there is none", async () => {
    const withPhone = await member({ verifiedPhone: true });
    const without = await member();
    const a = await ask(withPhone.email, "sms");
    const b = await ask(without.email, "sms");
    const c = await ask(uniqueEmail("nobody"), "sms");
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([202, 202, 202]);
    expect(new Set([a, b, c].map((x) => JSON.stringify(withoutFlow(x)))).size).toBe(1);
    expect(await resetCode(withPhone.e164)).toMatch(/^\d{6}$/);
    expect((await outboxTo(without.e164)).length).toBe(0);
  });

  it("answers the same 202 past the per-IP limit, and sends nothing for it", async () => {
    const m = await member();
    const device = t.browser({ ip: nextIp() });
    for (let i = 0; i < 20; i++) expect((await ask(uniqueEmail("spray"), "email", device)).statusCode).toBe(202);
    const past = await ask(m.email, "email", device);
    expect([past.statusCode, withoutFlow(past)]).toEqual([202, { method: "email", flowId: "string" }]);
    expect((await outboxTo(m.email)).filter((x) => x.template === "password_reset")).toEqual([]);
  });

  it("refuses an unknown method or a missing address with 400 VALIDATION_FAILED", async () => {
    expect(errorCode(await t.browser().post("/api/v1/auth/password-reset", { email: "a@example.com", method: "pigeon" }))).toBe(
      "VALIDATION_FAILED",
    );
    expect(errorCode(await t.browser().post("/api/v1/auth/password-reset", {}))).toBe("VALIDATION_FAILED");
  });
});

describe("resetting by emailed link", () => {
  it("sets the new password, signs out every device, signs in this one and emails a notice", async () => {
    const m = await member();
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signIn(m.email)).statusCode).toBe(200);
    await ask(m.email);

    const here = t.browser({ ip: nextIp() });
    const done = await complete({ token: await resetToken(m.email) }, here);
    expect(done.statusCode).toBe(200);
    expect(done.json().account).toEqual({ id: m.accountId, email: m.email });
    expect(here.sessionToken).toBeDefined();
    expect((await here.get("/api/v1/me")).statusCode).toBe(200);
    for (const old of [m.browser, phone]) {
      const refused = await old.get("/api/v1/me");
      expect(refused.statusCode).toBe(401);
      expect(errorCode(refused)).toBe("SESSION_REVOKED");
    }
    expect((await t.browser({ ip: nextIp() }).signIn(m.email)).statusCode).toBe(401);
    expect((await t.browser({ ip: nextIp() }).signIn(m.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await outboxTo(m.email)).map((x) => x.template)).toContain("password_changed");
    // The link came by email: the address is proven too.
    expect((await t.core.stores.accounts.findById(m.accountId))!.emailVerifiedAt).not.toBeNull();
  });

  it("gives an app its token in the body", async () => {
    const m = await member();
    await ask(m.email);
    const app = t.phoneApp({ ip: nextIp() });
    const done = await complete({ token: await resetToken(m.email), client: { kind: "mobile" } }, app);
    expect(done.statusCode).toBe(200);
    expect(typeof done.json().token).toBe("string");
  });

  it("works once (410 LINK_EXPIRED after), and not after an hour", async () => {
    const m = await member();
    await ask(m.email);
    const token = await resetToken(m.email);
    expect((await complete({ token })).statusCode).toBe(200);
    const reused = await complete({ token, newPassword: "another-fine-password-9" });
    expect([reused.statusCode, errorCode(reused)]).toEqual([410, "LINK_EXPIRED"]);

    const n = await member();
    await ask(n.email);
    const late = await resetToken(n.email);
    t.clock.advance(hours(1));
    const expired = await complete({ token: late });
    expect([expired.statusCode, errorCode(expired)]).toEqual([410, "LINK_EXPIRED"]);
    expect((await n.browser.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("resets exactly once when the link is used twice at the same moment", async () => {
    const m = await member();
    await ask(m.email);
    const token = await resetToken(m.email);
    const answers = await Promise.all([complete({ token }), complete({ token, newPassword: "another-fine-password-9" })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
    const resets = (await t.core.stores.audit.listByAccount(m.accountId, 20)).filter((e) => e.type === "password_reset");
    expect(resets).toHaveLength(1);
  });

  it("refuses a weak new password with 400 and keeps the link usable", async () => {
    const m = await member();
    await ask(m.email);
    const token = await resetToken(m.email);
    const weak = await complete({ token, newPassword: "short" });
    expect([weak.statusCode, errorCode(weak)]).toEqual([400, "PASSWORD_TOO_SHORT"]);
    expect((await m.browser.get("/api/v1/me")).statusCode).toBe(200);
    expect((await complete({ token })).statusCode).toBe(200);
  });

  it("refuses a mangled link with 400 LINK_INVALID and a body with both or neither proof with 400 VALIDATION_FAILED", async () => {
    expect(errorCode(await complete({ token: "nope" }))).toBe("LINK_INVALID");
    expect(errorCode(await complete({}))).toBe("VALIDATION_FAILED");
    expect(errorCode(await complete({ token: "x", flowId: "00000000-0000-4000-8000-000000000000", code: "123456" }))).toBe(
      "VALIDATION_FAILED",
    );
    // The old way of naming a texted code (by email) is gone: a code names its request.
    expect(errorCode(await complete({ email: "a@example.com", code: "123456" }))).toBe("VALIDATION_FAILED");
  });

  it("arrives over SMTP with the link, which completes the reset", async () => {
    const m = await member();
    await ask(m.email);
    await t.delivered();

    const mail = await inbox.waitFor((x) => x.subject === "Reset your password" && JSON.stringify(x.to).includes(m.email));
    const link = /http:\/\/localhost:3000\/reset-password#token=(\S+)/.exec(mail.text ?? "")![1]!;
    expect(mail.html).toContain(`href="http://localhost:3000/reset-password#token=${link}"`);
    expect((await complete({ token: decodeURIComponent(link) })).statusCode).toBe(200);
  });
});

describe("resetting by texted code", () => {
  it("sets the new password with the email address and the code, signing out every device", async () => {
    const m = await member({ verifiedPhone: true });
    const flowId = flowOf(await ask(m.email, "sms"));
    const app = t.phoneApp({ ip: nextIp() });
    const done = await complete({ flowId, code: await resetCode(m.e164), client: { kind: "mobile" } }, app);
    expect(done.statusCode).toBe(200);
    expect((await app.get("/api/v1/me")).statusCode).toBe(200);
    expect(errorCode(await m.browser.get("/api/v1/me"))).toBe("SESSION_REVOKED");
    expect((await t.browser({ ip: nextIp() }).signIn(m.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("answers a wrong code, an unknown address's request, an unknown flow, an expired code and a used one alike: 400 RESET_CODE_INVALID", async () => {
    const m = await member({ verifiedPhone: true });
    const flowId = flowOf(await ask(m.email, "sms"));
    const code = await resetCode(m.e164);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const nobodys = flowOf(await ask(uniqueEmail("nobody"), "sms"));
    await t.delivered();
    const answers = [
      await complete({ flowId, code: wrong }),
      await complete({ flowId: nobodys, code }),
      await complete({ flowId: "00000000-0000-4000-8000-000000000000", code }),
    ];
    for (const answer of answers) expect([answer.statusCode, errorCode(answer)]).toEqual([400, "RESET_CODE_INVALID"]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect((await complete({ flowId, code })).statusCode).toBe(200);
    expect(errorCode(await complete({ flowId, code }))).toBe("RESET_CODE_INVALID");

    const n = await member({ verifiedPhone: true });
    const lateFlow = flowOf(await ask(n.email, "sms"));
    const late = await resetCode(n.e164);
    t.clock.advance(minutes(10));
    expect(errorCode(await complete({ flowId: lateFlow, code: late }))).toBe("RESET_CODE_INVALID");
  });

  it("resets exactly once when the right code is sent twice at the same moment", async () => {
    const m = await member({ verifiedPhone: true });
    const flowId = flowOf(await ask(m.email, "sms"));
    const code = await resetCode(m.e164);
    const answers = await Promise.all([complete({ flowId, code }), complete({ flowId, code })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
    expect((await t.core.stores.audit.listByAccount(m.accountId, 20)).filter((e) => e.type === "password_reset")).toHaveLength(1);
  });

  it("stops accepting even the right code after 5 wrong ones for that request", async () => {
    const m = await member({ verifiedPhone: true });
    const flowId = flowOf(await ask(m.email, "sms"));
    const code = await resetCode(m.e164);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) expect(errorCode(await complete({ flowId, code: wrong }))).toBe("RESET_CODE_INVALID");
    expect(errorCode(await complete({ flowId, code }))).toBe("RESET_CODE_INVALID");
    expect((await m.browser.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("refuses a code that is not 6 digits, or a flow id that is not one, with 400 VALIDATION_FAILED", async () => {
    expect(errorCode(await complete({ flowId: "00000000-0000-4000-8000-000000000000", code: "12345" }))).toBe("VALIDATION_FAILED");
    expect(errorCode(await complete({ flowId: "not-a-flow", code: "123456" }))).toBe("VALIDATION_FAILED");
  });
});
