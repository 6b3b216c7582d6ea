// Route tests for sign in: a new session on each sign-in, equal-cost refusals, and throttling by address, account and device.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import { minutes } from "../../core/clock";
import { authTestHelpers, rawSetCookie, setCookie } from "./auth-test-helpers";

const DEVICE_COOKIE = "__Host-usher_device";
const WINDOW_MS = minutes(15);

// Shrunk from the defaults so that throttling is reached in a handful of requests.
const LIMITS = { perIp: 12, perAccountAndIp: 4, perAccount: 8, perKnownDevice: 4 };

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    config: (c) => ({
      ...c,
      limits: {
        ...c.limits,
        signInPerIp: { limit: LIMITS.perIp, windowMs: WINDOW_MS },
        signInPerAccountAndIp: { limit: LIMITS.perAccountAndIp, windowMs: WINDOW_MS },
        signInPerAccount: { limit: LIMITS.perAccount, windowMs: WINDOW_MS },
        signInPerKnownDevice: { limit: LIMITS.perKnownDevice, windowMs: WINDOW_MS },
      },
    }),
  });
});

afterAll(async () => {
  await t?.close();
});

const { browser, phoneApp, countRows, meWithBearer, meWithCookie } = authTestHelpers(() => t);

function expectRateLimited(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(429);
  expect(errorCode(response)).toBe("RATE_LIMITED");
  const retryAfter = Number(response.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

describe("POST /auth/sign-in", () => {
  async function newAccount(password = STRONG_PASSWORD) {
    const email = uniqueEmail("member");
    const response = await phoneApp().signUp(email, password);
    expect(response.statusCode).toBe(201);
    return { email, accountId: response.json().account.id as string };
  }

  it("issues a new session on every sign-in and keeps the earlier ones valid", async () => {
    const { email } = await newAccount();
    const device = phoneApp();
    const first = await device.signIn(email);
    const second = await device.signIn(email);

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json().session.id).not.toBe(first.json().session.id);
    expect(second.json().token).not.toBe(first.json().token);
    expect((await meWithBearer(first.json().token)).statusCode).toBe(200);
    expect((await meWithBearer(second.json().token)).statusCode).toBe(200);
  });

  it("gives a browser a new session cookie on each sign-in, which replaces the earlier one", async () => {
    const { email } = await newAccount();
    const device = browser();
    const first = await device.signIn(email);
    const firstToken = setCookie(first, SESSION_COOKIE)!.value;
    const second = await device.signIn(email);
    const secondToken = setCookie(second, SESSION_COOKIE)!.value;

    expect(first.statusCode).toBe(200);
    expect(second.json()).not.toHaveProperty("token");
    expect(secondToken).not.toBe(firstToken);
    expect(setCookie(second, SESSION_COOKIE)).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(errorCode(await meWithCookie(firstToken))).toBe("SESSION_REVOKED");
    expect((await meWithCookie(secondToken)).statusCode).toBe(200);
  });

  it("accepts the email in another case and with spaces", async () => {
    const { email } = await newAccount();
    const response = await phoneApp().signIn(`  ${email.toUpperCase()} `);
    expect(response.statusCode).toBe(200);
    expect(response.json().account.email).toBe(email);
  });

  it("accepts the password typed in another Unicode form (composed vs combining accent)", async () => {
    const { email } = await newAccount("caf\u00e9-kettle-harbour-42");
    const response = await phoneApp().signIn(email, "cafe\u0301-kettle-harbour-42");
    expect(response.statusCode).toBe(200);
  });

  it("answers a wrong email and a wrong password with identical INVALID_CREDENTIALS bodies, each after one hash verification", async () => {
    const { email } = await newAccount();

    let before = t.verifications.count;
    const unknown = await phoneApp().signIn(uniqueEmail("nobody"));
    const unknownCost = t.verifications.count - before;

    before = t.verifications.count;
    const wrong = await phoneApp().signIn(email, "not-the-right-password-1");
    const wrongCost = t.verifications.count - before;

    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe("INVALID_CREDENTIALS");
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.headers["content-type"]).toBe(unknown.headers["content-type"]);
    expect(unknownCost).toBe(1);
    expect(wrongCost).toBe(1);
    expect(rawSetCookie(wrong, SESSION_COOKIE)).toBeUndefined();
  });

  it("pays one hash verification for an email that isn't even an address, and fails the same way", async () => {
    const before = t.verifications.count;
    const response = await phoneApp().signIn("not an email\u0007");
    expect(t.verifications.count - before).toBe(1);
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("INVALID_CREDENTIALS");
  });

  it("creates no session on a failed sign-in", async () => {
    const { email } = await newAccount();
    const before = await countRows("session");
    await phoneApp().signIn(email, "not-the-right-password-1");
    await phoneApp().signIn(uniqueEmail("nobody"));
    expect(await countRows("session")).toBe(before);
  });

  describe("throttling", () => {
    it("throttles one address across many accounts, without paying for hash verifications", async () => {
      const { email } = await newAccount();
      const ip = nextIp();
      for (let i = 0; i < LIMITS.perIp; i++) {
        const response = await t.phoneApp({ ip }).signIn(uniqueEmail(`spray${i}`), "guess-guess-guess");
        expect(response.statusCode).toBe(401);
      }

      const before = t.verifications.count;
      const refused = await t.phoneApp({ ip }).signIn(email); // even the right password
      expectRateLimited(refused);
      expect(t.verifications.count).toBe(before);

      // The account itself is not throttled: another address signs in.
      expect((await phoneApp().signIn(email)).statusCode).toBe(200);
    });

    it("asks new devices for a code, for a right and a wrong password alike, once guesses from many addresses spend the account's budget", async () => {
      const { email } = await newAccount();
      for (let i = 0; i < LIMITS.perAccount; i++) {
        const response = await phoneApp().signIn(email, `wrong-guess-${i}`);
        expect(response.statusCode).toBe(401);
      }

      const right = await phoneApp().signIn(email); // a fresh address, the right password
      const wrong = await phoneApp().signIn(email, "another-wrong-guess");
      expectCodeStep(right);
      expectCodeStep(wrong);
      expect(Object.keys(wrong.json()).sort()).toEqual(Object.keys(right.json()).sort());

      // Only that account: the same kind of fresh address signs in to another one.
      const other = await newAccount();
      expect((await phoneApp().signIn(other.email)).statusCode).toBe(200);
    });

    it("throttles one account from one address before the account-wide limit", async () => {
      const { email } = await newAccount();
      const other = await newAccount();
      const ip = nextIp();
      for (let i = 0; i < LIMITS.perAccountAndIp; i++) {
        expect((await t.phoneApp({ ip }).signIn(email, `wrong-guess-${i}`)).statusCode).toBe(401);
      }

      expectRateLimited(await t.phoneApp({ ip }).signIn(email));
      // The same address may still sign in to another account, and the account from elsewhere.
      expect((await t.phoneApp({ ip }).signIn(other.email)).statusCode).toBe(200);
      expect((await phoneApp().signIn(email)).statusCode).toBe(200);
    });

    it("lifts throttling once the window has passed", async () => {
      const { email } = await newAccount();
      const ip = nextIp();
      for (let i = 0; i < LIMITS.perAccountAndIp; i++) await t.phoneApp({ ip }).signIn(email, `wrong-guess-${i}`);
      expectRateLimited(await t.phoneApp({ ip }).signIn(email));

      t.clock.advance(WINDOW_MS - 60_000);
      expectRateLimited(await t.phoneApp({ ip }).signIn(email));

      t.clock.advance(60_000 + 1_000);
      expect((await t.phoneApp({ ip }).signIn(email)).statusCode).toBe(200);
    });

    it("still signs in the owner's browser that signed in before while strangers have the account throttled", async () => {
      const { email } = await newAccount();
      const ownerIp = nextIp();
      const owner = t.browser({ ip: ownerIp });
      expect((await owner.signIn(email)).statusCode).toBe(200);
      expect(owner.cookies.has(DEVICE_COOKIE)).toBe(true);
      expect((await owner.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
      expect(owner.cookies.has(SESSION_COOKIE)).toBe(false);

      // Someone guesses from many addresses until the account's budget for new devices is spent.
      for (let i = 0; i < LIMITS.perAccount; i++) await phoneApp().signIn(email, `wrong-guess-${i}`);
      expectCodeStep(await browser().signIn(email));
      // A browser without the device cookie on the owner's own address needs the code too:
      // it is the cookie that vouches for the owner, not the address.
      expectCodeStep(await t.browser({ ip: ownerIp }).signIn(email));

      const response = await owner.signIn(email);
      expect(response.statusCode).toBe(200);
      expect((await owner.get("/api/v1/me")).json().account.email).toBe(email);
    });

    it("does not let a device cookie issued for one account vouch for another", async () => {
      const mine = await newAccount();
      const theirs = await newAccount();
      const owner = browser();
      expect((await owner.signIn(mine.email)).statusCode).toBe(200);

      for (let i = 0; i < LIMITS.perAccount; i++) await phoneApp().signIn(theirs.email, `wrong-guess-${i}`);
      expectCodeStep(await owner.signIn(theirs.email));
    });

    it("throttles wrong passwords from a known browser on that browser's own budget", async () => {
      const { email } = await newAccount();
      const owner = browser();
      expect((await owner.signIn(email)).statusCode).toBe(200);
      for (let i = 0; i < LIMITS.perKnownDevice; i++) {
        expect((await owner.signIn(email, `wrong-guess-${i}`)).statusCode).toBe(401);
      }
      expectRateLimited(await owner.signIn(email));
    });
  });
});

/** The answer a new device gets while the account's guess budget is spent: finish with a code. */
function expectCodeStep(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ signInCodeRequired: true, flowId: expect.any(String), expiresAt: expect.any(String) });
}
