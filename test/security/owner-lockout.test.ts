// Attack: locking the owner out by guessing their password from many addresses. Guesses from
// devices the account doesn't know share one budget per account; once it is spent, answers no
// longer depend on the password, so guessing on learns nothing. The owner is never refused:
// their browser (device cookie) and their phone app (device token) sign in on budgets of their
// own, and a new device with the right password finishes with a code sent to the owner.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../src/core/clock";
import { buildTestApp, type Device, errorCode, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../helper";

const ACCOUNT_BUDGET = 12;
const ATTACKERS = 100;
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    config: (c) => ({ ...c, limits: { ...c.limits, signInPerAccount: { limit: ACCOUNT_BUDGET, windowMs: minutes(15) } } }),
  });
});
afterAll(async () => t?.close());

/** An account signed in before on the owner's browser and phone app, both signed out again. */
async function owner() {
  const email = uniqueEmail("owner");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  const app = t.phoneApp({ ip: nextIp() });
  expect((await app.signIn(email)).statusCode).toBe(200);
  expect(app.deviceToken).toBeDefined();
  for (const device of [browser, app]) expect((await device.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
  return { email, browser, app };
}

/** 100 addresses, a few wrong passwords each: what each answer told the attacker. */
async function guessFromEverywhere(email: string, rounds = 2) {
  const answers: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < ATTACKERS; i++) {
      const response = await t.phoneApp({ ip: `198.51.100.${i + 1}` }).signIn(email, `guess-${round}-${i}-password`);
      answers.push(
        response.statusCode === 401
          ? errorCode(response)!
          : "signInCodeRequired" in response.json()
            ? "code step"
            : String(response.statusCode),
      );
    }
  }
  return answers;
}

async function codeSentTo(email: string, since: number): Promise<string | undefined> {
  await t.delivered();
  const message = t.sent.slice(since).find((m) => m.channel === "email" && m.to === email && m.template === "sign_in_code");
  return message?.text.match(/\b(\d{6})\b/)?.[1];
}

describe("100 addresses guessing an account's password", () => {
  it("cannot stop the owner's phone app or browser, which sign in on their own budgets", async () => {
    const { email, browser, app } = await owner();
    await guessFromEverywhere(email);
    const fromApp = await app.signIn(email);
    expect(fromApp.statusCode).toBe(200);
    expect(fromApp.json().token).toEqual(expect.any(String));
    expect((await app.get("/api/v1/me")).statusCode).toBe(200);
    expect((await browser.signIn(email)).statusCode).toBe(200);
    expect((await browser.get("/api/v1/me")).json().account.email).toBe(email);
  });

  it("learns whether a password is wrong only within the account's budget", async () => {
    const { email } = await owner();
    const answers = await guessFromEverywhere(email);
    expect(answers.filter((a) => a === "INVALID_CREDENTIALS")).toHaveLength(ACCOUNT_BUDGET);
    expect(new Set(answers.slice(ACCOUNT_BUDGET))).toEqual(new Set(["code step"]));
  });

  it("cannot stop a new device with the right password: it finishes with the code sent to the owner", async () => {
    const { email } = await owner();
    await guessFromEverywhere(email, 1);
    const before = await t.sentMark();
    const newTablet = t.browser({ ip: nextIp() });
    const asked = await newTablet.signIn(email);
    expect(asked.statusCode).toBe(200);
    const { flowId } = asked.json() as { flowId: string };
    const code = await codeSentTo(email, before);
    expect(code).toMatch(/^\d{6}$/);
    t.logs.codes.add(code!);

    const done = await newTablet.post("/api/v1/auth/sign-in-code/complete", { flowId, code });
    expect(done.statusCode).toBe(200);
    expect(done.json().account.email).toBe(email);
    expect((await newTablet.get("/api/v1/me")).statusCode).toBe(200);
    await t.delivered();
    expect(t.sent.slice(before).some((m) => m.channel === "email" && m.to === email && m.template === "new_sign_in")).toBe(true);
  });

  it("sends nothing for a wrong password past the budget, though it answers exactly alike", async () => {
    const { email } = await owner();
    await guessFromEverywhere(email, 1);
    const before = await t.sentMark();
    const right = await t.browser({ ip: nextIp() }).signIn(email);
    const wrong = await t.browser({ ip: nextIp() }).signIn(email, "not-the-password-at-all");
    const nobody = await t.browser({ ip: nextIp() }).signIn(uniqueEmail("nobody"), STRONG_PASSWORD);
    expect([right.statusCode, wrong.statusCode]).toEqual([200, 200]);
    const shape = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value]));
    expect(shape(wrong.json())).toEqual(shape(right.json()));
    // An address without an account answers INVALID_CREDENTIALS: its own budget is untouched.
    expect(errorCode(nobody)).toBe("INVALID_CREDENTIALS");
    await t.delivered();
    expect(t.sent.slice(before).filter((m) => m.channel === "email" && m.to === email && m.template === "sign_in_code")).toHaveLength(1);
  });

  it("keeps the code to the flow it was sent for, with a few tries each", async () => {
    const { email } = await owner();
    await guessFromEverywhere(email, 1);
    const before = await t.sentMark();
    const device: Device = t.browser({ ip: nextIp() });
    const { flowId } = (await device.signIn(email)).json() as { flowId: string };
    const code = (await codeSentTo(email, before))!;
    t.logs.codes.add(code);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++)
      expect(errorCode(await device.post("/api/v1/auth/sign-in-code/complete", { flowId, code: wrong }))).toBe("SIGN_IN_CODE_INVALID");
    expect(errorCode(await device.post("/api/v1/auth/sign-in-code/complete", { flowId, code }))).toBe("SIGN_IN_CODE_INVALID");
    expect((await device.get("/api/v1/me")).statusCode).toBe(401);
  });
});
