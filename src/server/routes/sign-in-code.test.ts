// Route tests for "Use a sign-in code": a 6-digit code by email, or by text to a verified
// phone, instead of a password. Asking answers alike for every address; each request is its
// own flow with 5 tries; two-step verification still applies; a new device's sign-in is
// notified like any other.
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
import { totpAt, turnOnTotp } from "../../../test/support/two-step";
import { minutes } from "../../core/clock";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});
afterAll(async () => t?.close());

let numbers = 0;
async function member(options: { verifiedPhone?: boolean } = {}) {
  const email = uniqueEmail("code");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  const e164 = `+1202555${String(4000 + numbers++).padStart(4, "0")}`;
  if (options.verifiedPhone) {
    expect((await browser.put("/api/v1/account/phone", { phone: e164, currentPassword: STRONG_PASSWORD, smsOptIn: true })).statusCode).toBe(
      200,
    );
    expect((await browser.post("/api/v1/account/phone/verify", { code: await latestSmsCode(t.core, e164) })).statusCode).toBe(200);
  }
  return { email, e164, browser };
}

const ask = (body: Record<string, unknown>, device: Device = t.browser({ ip: nextIp() })) => device.post("/api/v1/auth/sign-in-code", body);
const complete = (flowId: string, code: string, device: Device = t.browser({ ip: nextIp() })) =>
  device.post("/api/v1/auth/sign-in-code/complete", { flowId, code, ...device.appFields });
const shape = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  ...response.json(),
  flowId: typeof response.json().flowId,
  expiresAt: typeof response.json().expiresAt,
});

/** The code sent to `to` since message `since`, by the template named. */
async function codeSent(to: string, template: "sign_in_code" | "sign_in_code_text", since: number): Promise<string | undefined> {
  await t.delivered();
  const message = t.sent
    .slice(since)
    .find((m) => m.to === to && (m.channel === "sms" ? template === "sign_in_code_text" : m.template === template));
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (code) t.logs.codes.add(code);
  return code;
}

describe("POST /auth/sign-in-code", () => {
  it("answers 202 alike for a known and an unknown email, and emails a code only to the known one", async () => {
    const m = await member();
    const before = await t.sentMark();
    const known = await ask({ email: m.email });
    const unknownEmail = uniqueEmail("nobody");
    const unknown = await ask({ email: unknownEmail });
    expect(shape(known)).toEqual({ status: 202, flowId: "string", channel: "email", expiresAt: "string" });
    expect(shape(unknown)).toEqual(shape(known));
    expect(await codeSent(m.email, "sign_in_code", before)).toMatch(/^\d{6}$/);
    expect(t.sent.slice(before).some((message) => message.to === unknownEmail)).toBe(false);
    const email = t.sent.slice(before).find((message) => message.to === m.email);
    expect(email?.channel === "email" && email.subject).toBe("Your Usher sign-in code");
  });

  it("texts a code to the account whose verified phone it is, and answers alike for any other number", async () => {
    const withPhone = await member({ verifiedPhone: true });
    const unverified = await member();
    expect(
      (await unverified.browser.put("/api/v1/account/phone", { phone: unverified.e164, currentPassword: STRONG_PASSWORD, smsOptIn: true }))
        .statusCode,
    ).toBe(200);
    const before = await t.sentMark();
    const a = await ask({ phone: withPhone.e164 });
    const b = await ask({ phone: unverified.e164 });
    expect(shape(a)).toEqual({ status: 202, flowId: "string", channel: "sms", expiresAt: "string" });
    expect(shape(b)).toEqual(shape(a));
    expect(await codeSent(withPhone.e164, "sign_in_code_text", before)).toMatch(/^\d{6}$/);
    expect(t.sent.slice(before).some((message) => message.to === unverified.e164)).toBe(false);
  });

  it("refuses what can't be an email or a mobile number with 400", async () => {
    expect(errorCode(await ask({ email: "not an email" }))).toBe("INVALID_EMAIL");
    expect(errorCode(await ask({ phone: "12" }))).toBe("INVALID_PHONE");
    expect(errorCode(await ask({ phone: "+442079460000" }))).toBe("PHONE_NOT_MOBILE");
    expect(errorCode(await ask({}))).toBe("VALIDATION_FAILED");
    expect(errorCode(await ask({ email: "a@example.com", phone: "+12025550100" }))).toBe("VALIDATION_FAILED");
  });
});

describe("POST /auth/sign-in-code/complete", () => {
  it("signs this browser in with the emailed code, tells the owner of the new device, and works once", async () => {
    const m = await member();
    const device = t.browser({ ip: nextIp() });
    const before = await t.sentMark();
    const { flowId } = (await ask({ email: m.email }, device)).json();
    const code = (await codeSent(m.email, "sign_in_code", before))!;
    const done = await complete(flowId, code, device);
    expect(done.statusCode).toBe(200);
    expect(done.json().account.email).toBe(m.email);
    expect(done.json().token).toBeUndefined();
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
    await t.delivered();
    expect(
      t.sent.slice(before).some((message) => message.to === m.email && message.channel === "email" && message.template === "new_sign_in"),
    ).toBe(true);
    const events = (await device.get("/api/v1/account/activity")).json().events as { type: string; details: Record<string, unknown> }[];
    expect(events.filter((e) => e.type === "signed_in").map((e) => e.details.method)).toContain("sign_in_code");
    expect(errorCode(await complete(flowId, code))).toBe("SIGN_IN_CODE_INVALID");
  });

  it("gives an app its token and device token in the body", async () => {
    const m = await member({ verifiedPhone: true });
    const app = t.phoneApp({ ip: nextIp() });
    const before = await t.sentMark();
    const { flowId } = (await ask({ phone: m.e164, client: { kind: "mobile" } }, app)).json();
    const done = await complete(flowId, (await codeSent(m.e164, "sign_in_code_text", before))!, app);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ token: expect.any(String), deviceToken: expect.any(String) });
  });

  it("keeps every request's code to its own flow: a stranger's requests and guesses leave the owner's working", async () => {
    const m = await member();
    const before = await t.sentMark();
    const mine = (await ask({ email: m.email })).json().flowId as string;
    const code = (await codeSent(m.email, "sign_in_code", before))!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 3; i++) {
      const theirs = (await ask({ email: m.email }, t.browser({ ip: `198.51.100.${i + 1}` }))).json().flowId as string;
      for (let guess = 0; guess < 5; guess++) expect(errorCode(await complete(theirs, wrong))).toBe("SIGN_IN_CODE_INVALID");
      // My code is mine: it opens no other flow.
      expect(errorCode(await complete(theirs, code))).toBe("SIGN_IN_CODE_INVALID");
    }
    expect((await complete(mine, code)).statusCode).toBe(200);
  });

  it("allows 5 tries per request, then refuses even the right code", async () => {
    const m = await member();
    const before = await t.sentMark();
    const { flowId } = (await ask({ email: m.email })).json();
    const code = (await codeSent(m.email, "sign_in_code", before))!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) expect(errorCode(await complete(flowId, wrong))).toBe("SIGN_IN_CODE_INVALID");
    expect(errorCode(await complete(flowId, code))).toBe("SIGN_IN_CODE_INVALID");
  });

  it("refuses a code after 10 minutes, and a made-up flow, with the same answer", async () => {
    const m = await member();
    const before = await t.sentMark();
    const { flowId } = (await ask({ email: m.email })).json();
    const code = (await codeSent(m.email, "sign_in_code", before))!;
    const madeUp = await complete(crypto.randomUUID(), code);
    t.clock.advance(minutes(10));
    const late = await complete(flowId, code);
    expect([late.statusCode, late.body]).toEqual([400, madeUp.body]);
    expect(errorCode(late)).toBe("SIGN_IN_CODE_INVALID");
  });

  it("still asks for the second step when two-step verification is on", async () => {
    const m = await member();
    const { secret } = await turnOnTotp(t, m.browser);
    const device = t.browser({ ip: nextIp() });
    const before = await t.sentMark();
    const { flowId } = (await ask({ email: m.email }, device)).json();
    const first = await complete(flowId, (await codeSent(m.email, "sign_in_code", before))!, device);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ twoStepRequired: true, methods: expect.arrayContaining(["totp"]) });
    t.logs.remember(first.json().challenge);
    expect((await device.get("/api/v1/me")).statusCode).toBe(401);
    const second = await device.post("/api/v1/auth/two-step", { challenge: first.json().challenge, code: totpAt(t, secret) });
    expect(second.statusCode).toBe(200);
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("refuses a flow id that is not one, or a code that is not 6 digits, with 400 VALIDATION_FAILED", async () => {
    expect(errorCode(await complete("not-a-flow", "123456"))).toBe("VALIDATION_FAILED");
    expect(errorCode(await complete(crypto.randomUUID(), "12345"))).toBe("VALIDATION_FAILED");
  });
});
