// Route tests for signing in with two-step verification: the password answers a challenge
// bound to that attempt; a TOTP or backup code completes it with a session at aal 2. Every
// failure has its own code: wrong code, expired challenge, replayed code, a challenge from
// another attempt, too many tries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { nextStep, passwordStep, totpAt, turnOnTotp } from "../../../test/support/two-step";
import { minutes } from "../../core/clock";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

async function protectedMember() {
  const device = t.browser();
  const email = uniqueEmail("two-step");
  const response = await device.signUp(email);
  expect(response.statusCode).toBe(201);
  const factors = await turnOnTotp(t, device);
  return { email, accountId: response.json().account.id as string, ...factors };
}

const complete = (device: Device, challenge: string, code: string) => device.post("/api/v1/auth/two-step", { challenge, code });

async function sessionRow(device: Device) {
  const id = device.sessionToken!.split(".")[0]!;
  return (await t.core.stores.sessions.findById(id))!;
}

describe("POST /auth/sign-in on an account with two-step verification", () => {
  it("answers a challenge instead of a session, with the methods to complete it", async () => {
    const { email } = await protectedMember();
    const browser = t.browser();
    const body = await passwordStep(t, browser, email);
    expect(body.methods).toEqual(["totp", "backup_code"]);
    expect(body.passkeyOptions).toBeNull();
    expect(new Date(body.expiresAt).getTime()).toBe(t.clock.now().getTime() + minutes(5));
    expect(browser.sessionToken).toBeUndefined();
    expect((await browser.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("still refuses a wrong password with INVALID_CREDENTIALS and no challenge", async () => {
    const { email } = await protectedMember();
    const response = await t.browser().signIn(email, "wrong-password-123");
    expect(errorCode(response)).toBe("INVALID_CREDENTIALS");
  });
});

describe("POST /auth/two-step", () => {
  it("completes with an authenticator code: a browser gets its cookie and a session at aal 2", async () => {
    const { email, secret, accountId } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    const response = await complete(browser, challenge, totpAt(t, secret));
    expect(response.statusCode).toBe(200);
    expect(response.json().account.email).toBe(email);
    expect(response.json().token).toBeUndefined();
    expect((await browser.get("/api/v1/me")).statusCode).toBe(200);
    expect((await sessionRow(browser)).aal).toBe(2);
    const signedIn = (await t.core.stores.audit.listByAccount(accountId, 20)).find((e) => e.type === "signed_in");
    expect(signedIn?.details).toMatchObject({ method: "totp" });
  });

  it("hands a phone app its token in the body", async () => {
    const { email, secret } = await protectedMember();
    const phone = t.phoneApp();
    const { challenge } = await passwordStep(t, phone, email);
    const response = await complete(phone, challenge, totpAt(t, secret));
    expect(response.statusCode).toBe(200);
    expect(typeof response.json().token).toBe("string");
    expect((await phone.get("/api/v1/me")).json().session.deviceKind).toBe("mobile");
  });

  it("refuses a wrong code with 400 TWO_STEP_CODE_INVALID, and the challenge stays usable", async () => {
    const { email, secret } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    const wrong = await complete(browser, challenge, totpAt(t, secret, 3));
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe("TWO_STEP_CODE_INVALID");
    expect(browser.sessionToken).toBeUndefined();
    expect((await complete(browser, challenge, totpAt(t, secret))).statusCode).toBe(200);
  });

  it("refuses an expired challenge with 410 TWO_STEP_CHALLENGE_EXPIRED", async () => {
    const { email, secret } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    t.clock.advance(minutes(5));
    const response = await complete(browser, challenge, totpAt(t, secret));
    expect(response.statusCode).toBe(410);
    expect(errorCode(response)).toBe("TWO_STEP_CHALLENGE_EXPIRED");
    expect(browser.sessionToken).toBeUndefined();
  });

  it("refuses a replayed code (its time step already used) with TWO_STEP_CODE_USED", async () => {
    const { email, secret } = await protectedMember();
    const first = t.browser();
    const code = totpAt(t, secret);
    expect((await complete(first, (await passwordStep(t, first, email)).challenge, code)).statusCode).toBe(200);

    const second = t.browser();
    const { challenge } = await passwordStep(t, second, email);
    const replay = await complete(second, challenge, code);
    expect(replay.statusCode).toBe(400);
    expect(errorCode(replay)).toBe("TWO_STEP_CODE_USED");
    // The previous step's code is older than the used one: refused too.
    expect(errorCode(await complete(second, challenge, totpAt(t, secret, -1)))).toBe("TWO_STEP_CODE_USED");
    nextStep(t);
    expect((await complete(second, challenge, totpAt(t, secret))).statusCode).toBe(200);
  });

  it("refuses a challenge from another attempt once that attempt has completed, and a made-up one", async () => {
    const { email, secret, backupCodes } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    expect((await complete(browser, challenge, totpAt(t, secret))).statusCode).toBe(200);

    const elsewhere = t.browser();
    const reused = await complete(elsewhere, challenge, backupCodes[0]!);
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe("TWO_STEP_CHALLENGE_INVALID");
    expect(elsewhere.sessionToken).toBeUndefined();
    expect(errorCode(await complete(elsewhere, "not-a-challenge", backupCodes[0]!))).toBe("TWO_STEP_CHALLENGE_INVALID");
    // Neither spent the backup code.
    expect(await t.core.stores.backupCodes.countUnused((await t.core.stores.accounts.findByEmail(email))!.id)).toBe(10);
    nextStep(t);
  });

  it("keeps each attempt's challenge to itself: completing one leaves another pending one usable once", async () => {
    const { email, secret } = await protectedMember();
    const a = t.browser();
    const b = t.browser();
    const first = await passwordStep(t, a, email);
    const second = await passwordStep(t, b, email);
    expect(first.challenge).not.toBe(second.challenge);
    expect((await complete(b, second.challenge, totpAt(t, secret))).statusCode).toBe(200);
    nextStep(t);
    expect((await complete(a, first.challenge, totpAt(t, secret))).statusCode).toBe(200);
    expect(errorCode(await complete(a, first.challenge, totpAt(t, secret)))).toBe("TWO_STEP_CHALLENGE_INVALID");
    nextStep(t);
  });

  it("allows 5 tries per challenge, then answers 410 TWO_STEP_ATTEMPTS_EXCEEDED even for the right code", async () => {
    const { email, secret } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    for (let i = 0; i < 5; i++)
      expect(errorCode(await complete(browser, challenge, totpAt(t, secret, 4 + i)))).toBe("TWO_STEP_CODE_INVALID");
    const sixth = await complete(browser, challenge, totpAt(t, secret));
    expect(sixth.statusCode).toBe(410);
    expect(errorCode(sixth)).toBe("TWO_STEP_ATTEMPTS_EXCEEDED");
    // A new sign-in attempt gets a new challenge and five new tries.
    const again = await passwordStep(t, browser, email);
    expect((await complete(browser, again.challenge, totpAt(t, secret))).statusCode).toBe(200);
    nextStep(t);
  });

  it("throttles codes per account across challenges with 429 and Retry-After", async () => {
    const { email, secret } = await protectedMember();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const browser = t.browser();
      const { challenge } = await passwordStep(t, browser, email);
      for (let i = 0; i < 4; i++) statuses.push((await complete(browser, challenge, totpAt(t, secret, 5 + i))).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    const limited = await complete(browser, challenge, totpAt(t, secret));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    t.clock.advance(minutes(15));
    const later = t.browser();
    const fresh = await passwordStep(t, later, email);
    expect((await complete(later, fresh.challenge, totpAt(t, secret))).statusCode).toBe(200);
    nextStep(t);
  });

  it("accepts a backup code once (any case, with or without the dash), and refuses it the second time", async () => {
    const { email, backupCodes, accountId } = await protectedMember();
    const code = backupCodes[3]!;
    const first = t.browser();
    const typed = code.toUpperCase().replace("-", " ");
    const used = await complete(first, (await passwordStep(t, first, email)).challenge, typed);
    expect(used.statusCode).toBe(200);
    expect((await sessionRow(first)).aal).toBe(2);

    const second = t.browser();
    const again = await complete(second, (await passwordStep(t, second, email)).challenge, code);
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe("TWO_STEP_CODE_USED");
    expect(await t.core.stores.backupCodes.countUnused(accountId)).toBe(9);
    const types = (await t.core.stores.audit.listByAccount(accountId, 30)).map((e) => e.type);
    expect(types).toContain("backup_code_used");
    expect(types).toContain("two_step_failed");
  });

  it("completes a challenge once when two devices race with two good backup codes", async () => {
    const { email, backupCodes, accountId } = await protectedMember();
    const browser = t.browser();
    const { challenge } = await passwordStep(t, browser, email);
    const before = (await t.core.stores.sessions.listLive(accountId, t.clock.now())).length;
    const answers = await Promise.all([
      complete(t.browser(), challenge, backupCodes[0]!),
      complete(t.browser(), challenge, backupCodes[1]!),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
    expect(answers.map((a) => errorCode(a)).filter(Boolean)).toEqual(["TWO_STEP_CHALLENGE_INVALID"]);
    expect((await t.core.stores.sessions.listLive(accountId, t.clock.now())).length).toBe(before + 1);
  });

  it("refuses bodies of the wrong shape with 400 and signs nobody in", async () => {
    const browser = t.browser();
    for (const body of [{}, { challenge: "x" }, { challenge: "x", code: "123456", passkey: {} }, { code: "123456" }]) {
      const response = await browser.post("/api/v1/auth/two-step", body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
  });
});
