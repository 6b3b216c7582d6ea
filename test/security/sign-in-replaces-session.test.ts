// A browser holds one session. Signing in again on it (any method, any account) ends the
// session its cookie named until then, instead of leaving it alive and unseen on the device
// list until it expires. A cookie that does not prove itself ends nothing.

import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, SESSION_COOKIE, type TestApp, uniqueEmail } from "../helper";
import { nextStep, passwordStep, totpAt, turnOnTotp } from "../support/two-step";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

/** The session cookie the browser holds now, to present again after it has been replaced. */
function heldSession(browser: Device): string {
  const token = browser.cookies.get(SESSION_COOKIE);
  expect(token).toBeDefined();
  return token!;
}

/** What the API answers a request presenting an earlier session cookie of this browser. */
async function presenting(token: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: "GET", url: "/api/v1/me", cookies: { [SESSION_COOKIE]: token }, remoteAddress: "203.0.113.10" });
}

async function expectReplaced(token: string) {
  const answer = await presenting(token);
  expect(answer.statusCode).toBe(401);
  expect(errorCode(answer)).toBe("SESSION_REVOKED");
  expect(answer.json().error.reason).toBe("replaced");
}

async function liveSessionCount(device: Device): Promise<number> {
  const list = await device.get("/api/v1/sessions");
  expect(list.statusCode).toBe(200);
  return list.json().sessions.length;
}

describe("signing in again on the same browser", () => {
  it("with the password ends the browser's previous session, and the device list shows one", async () => {
    const email = uniqueEmail("again");
    const browser = t.browser();
    expect((await browser.signUp(email)).statusCode).toBe(201);
    const first = heldSession(browser);
    expect((await browser.signIn(email)).statusCode).toBe(200);
    await expectReplaced(first);
    expect((await browser.get("/api/v1/me")).statusCode).toBe(200);
    expect(await liveSessionCount(browser)).toBe(1);
  });

  it("as another account ends the first account's session on this browser", async () => {
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    const browser = t.browser();
    expect((await t.browser().signUp(second)).statusCode).toBe(201);
    expect((await browser.signUp(first)).statusCode).toBe(201);
    const firstSession = heldSession(browser);
    expect((await browser.signIn(second)).statusCode).toBe(200);
    await expectReplaced(firstSession);
    expect((await browser.get("/api/v1/me")).json().account.email).toBe(second);
  });

  it("by signing up ends the session the browser held", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("before"))).statusCode).toBe(201);
    const before = heldSession(browser);
    expect((await browser.signUp(uniqueEmail("after"))).statusCode).toBe(201);
    await expectReplaced(before);
  });

  it("through the second step ends it when the session starts, not at the password", async () => {
    const email = uniqueEmail("two.step");
    const browser = t.browser();
    expect((await browser.signUp(email)).statusCode).toBe(201);
    const { secret } = await turnOnTotp(t, browser);
    const held = heldSession(browser);
    const { challenge } = await passwordStep(t, browser, email);
    // Only the password so far: the browser keeps its session.
    expect((await presenting(held)).statusCode).toBe(200);
    nextStep(t);
    expect((await browser.post("/api/v1/auth/two-step", { challenge, code: totpAt(t, secret) })).statusCode).toBe(200);
    await expectReplaced(held);
  });

  it("through a reset link ends it too", async () => {
    const email = uniqueEmail("reset.again");
    const browser = t.browser();
    expect((await browser.signUp(email)).statusCode).toBe(201);
    const held = heldSession(browser);
    const since = await t.sentMark();
    expect((await browser.post("/api/v1/auth/password-reset", { email, method: "email" })).statusCode).toBe(202);
    await t.delivered();
    const token = /reset-password#token=(\S+)/.exec(t.sent.slice(since).find((m) => m.to === email)?.text ?? "")?.[1];
    t.logs.remember(token);
    const reset = await browser.post("/api/v1/auth/password-reset/complete", { token, newPassword: "copper-lantern-meadow-77" });
    expect(reset.statusCode).toBe(200);
    const answer = await presenting(held);
    expect(errorCode(answer)).toBe("SESSION_REVOKED");
  });
});

describe("what a sign-in does not end", () => {
  it("a cookie that does not prove itself, and the sessions of other devices", async () => {
    const email = uniqueEmail("forged");
    const browser = t.browser();
    expect((await browser.signUp(email)).statusCode).toBe(201);
    const phone = t.phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const held = heldSession(browser);
    const [id] = held.split(".");
    // Another browser presents this session's id with a made-up secret, then signs in.
    const intruder = t.browser();
    intruder.cookies.set(SESSION_COOKIE, `${id}.${"A".repeat(43)}`);
    expect((await intruder.signIn(email)).statusCode).toBe(200);
    expect((await presenting(held)).statusCode).toBe(200);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
  });
});
