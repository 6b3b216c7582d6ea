// Route tests for sign up, sign in and sign out of this device, through the real app and database.
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../core/clock";
import {
  APP_ORIGIN,
  buildTestApp,
  CHROME_ON_MAC,
  errorCode,
  nextIp,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  uniqueEmail,
  type TestApp,
} from "../../../test/helper";

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

// Every test speaks from its own addresses, so one test's attempts never throttle another's.
const browser = (userAgent?: string) => t.browser({ ip: nextIp(), ...(userAgent ? { userAgent } : {}) });
const phoneApp = (name?: string) => t.phoneApp({ ip: nextIp(), ...(name ? { name } : {}) });

async function countRows(table: "account" | "session" | "profile"): Promise<number> {
  const [row] = await t.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row!.n);
}

function setCookie(response: LightMyRequestResponse, name: string) {
  return (response.cookies as { name: string; value: string; [k: string]: unknown }[]).find((c) => c.name === name);
}

function rawSetCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers["set-cookie"];
  const all = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return all.find((line) => line.startsWith(`${name}=`));
}

/** Asks GET /me with exactly this token, as a bearer, whatever the device holds now. */
function meWithBearer(token: string) {
  return t.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
}

/** Asks GET /me with exactly this session cookie. */
function meWithCookie(token: string) {
  return t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: `${SESSION_COOKIE}=${token}` } });
}

function expectRateLimited(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(429);
  expect(errorCode(response)).toBe("RATE_LIMITED");
  const retryAfter = Number(response.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

describe("POST /auth/sign-up", () => {
  it("creates the account with one profile named from the email and answers 201", async () => {
    const email = `alex.smith+${Date.now().toString(36)}@example.com`;
    const response = await browser().signUp(email);

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.account.email).toBe(email);
    expect(body.profiles).toHaveLength(1);
    expect(body.profiles[0]).toMatchObject({ name: "Alex", isKids: false, position: 0 });
    const stored = await t.core.stores.profiles.listByAccount(body.account.id);
    expect(stored.map((p) => p.name)).toEqual(["Alex"]);
  });

  it("names the first profile as asked when a profile name is given", async () => {
    const response = await browser().signUp(uniqueEmail(), STRONG_PASSWORD, { profileName: "  Living Room  " });

    expect(response.statusCode).toBe(201);
    expect(response.json().profiles.map((p: { name: string }) => p.name)).toEqual(["Living Room"]);
  });

  it("strips control characters from a given profile name instead of failing", async () => {
    const response = await browser().signUp(uniqueEmail(), STRONG_PASSWORD, { profileName: "Ki\u0001ds\u0007" });

    expect(response.statusCode).toBe(201);
    const { account } = response.json();
    const stored = await t.core.stores.profiles.listByAccount(account.id);
    expect(stored.map((p) => p.name)).toEqual(["Kids"]);
  });

  it("stores the email trimmed and case-folded", async () => {
    const local = `Mixed.Case.${Date.now().toString(36)}`;
    const response = await browser().signUp(`  ${local}@Example.COM  `);

    expect(response.statusCode).toBe(201);
    const expected = `${local.toLowerCase()}@example.com`;
    expect(response.json().account.email).toBe(expected);
    expect((await t.core.stores.accounts.findByEmail(expected))?.id).toBe(response.json().account.id);
  });

  it("gives a browser an HttpOnly, Secure, SameSite=Lax, Path=/ __Host- session cookie and no token in the body", async () => {
    const device = browser();
    const response = await device.signUp(uniqueEmail());

    expect(response.statusCode).toBe(201);
    const cookie = setCookie(response, SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie!.domain).toBeUndefined(); // __Host- cookies must not name a domain
    const raw = rawSetCookie(response, SESSION_COOKIE)!;
    expect(raw).toMatch(/; HttpOnly/);
    expect(raw).toMatch(/; Secure/);
    expect(raw).toMatch(/; SameSite=Lax/);
    expect(raw).toMatch(/; Path=\/(;|$)/);

    expect(response.json()).not.toHaveProperty("token");
    const [, secret] = cookie!.value.split(".");
    expect(response.body).not.toContain(cookie!.value);
    expect(response.body).not.toContain(secret);
  });

  it("gives a phone app its token in the body, no session cookie, and the token works as a bearer", async () => {
    const device = phoneApp();
    const email = uniqueEmail();
    const response = await device.signUp(email);

    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(typeof body.token).toBe("string");
    expect(body.session.deviceKind).toBe("mobile");
    expect(rawSetCookie(response, SESSION_COOKIE)).toBeUndefined();

    const me = await meWithBearer(body.token);
    expect(me.statusCode).toBe(200);
    expect(me.json().account).toEqual({ id: body.account.id, email, emailVerified: false });
    expect(me.json().session.id).toBe(body.session.id);
  });

  it("signs the browser in on this device: GET /me works right after", async () => {
    const device = browser();
    const email = uniqueEmail();
    const signUp = await device.signUp(email);
    expect(signUp.statusCode).toBe(201);

    const me = await device.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().account.email).toBe(email);
    expect(me.json().session.id).toBe(signUp.json().session.id);
  });

  it("names the device from its User-Agent", async () => {
    const response = await browser(CHROME_ON_MAC).signUp(uniqueEmail());

    expect(response.json().session).toMatchObject({ deviceKind: "web", deviceName: "Chrome on macOS" });
    const row = await t.core.stores.sessions.findById(response.json().session.id);
    expect(row).toMatchObject({ deviceKind: "web", deviceName: "Chrome on macOS", userAgent: CHROME_ON_MAC });
  });

  it("uses the name a phone app declares for its device", async () => {
    const response = await phoneApp("Kitchen iPad").signUp(uniqueEmail());

    expect(response.json().session).toMatchObject({ deviceKind: "mobile", deviceName: "Kitchen iPad" });
  });

  describe("refusals, none of which creates an account", () => {
    let accountsBefore: number;
    beforeAll(async () => {
      accountsBefore = await countRows("account");
    });

    it.each([
      ["no at sign", "not-an-email"],
      ["no domain dot", "someone@localhost"],
      ["spaces inside", "some one@example.com"],
      ["two at signs", "a@b@example.com"],
      ["a control character", "bell\u0007@example.com"],
    ])("refuses an email with %s as INVALID_EMAIL", async (_label, email) => {
      const response = await browser().signUp(email);

      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("INVALID_EMAIL");
      expect(rawSetCookie(response, SESSION_COOKIE)).toBeUndefined();
    });

    it("refuses a 7-character password as PASSWORD_TOO_SHORT", async () => {
      const response = await browser().signUp(uniqueEmail(), "qz7!Kp2");
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_TOO_SHORT");
    });

    it("counts password length after NFKC: 10 code points that compose to 5 characters are too short", async () => {
      const password = "e\u0301".repeat(5); // é written as e + combining accent
      expect(password.length).toBe(10);
      const response = await browser().signUp(uniqueEmail(), password);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_TOO_SHORT");
    });

    it("refuses a 129-character password as PASSWORD_TOO_LONG", async () => {
      const response = await browser().signUp(uniqueEmail(), "qz7!Kp2w".repeat(16) + "x");
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_TOO_LONG");
    });

    it("counts password length after NFKC: 43 ligatures that expand to 129 characters are too long", async () => {
      const password = "\ufb03".repeat(43); // ﬃ → "ffi"
      expect([...password]).toHaveLength(43);
      const response = await browser().signUp(uniqueEmail(), password);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_TOO_LONG");
    });

    it.each(["password123", "PASSWORD123"])("refuses the common password %s as PASSWORD_TOO_COMMON", async (password) => {
      const response = await browser().signUp(uniqueEmail(), password);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("PASSWORD_TOO_COMMON");
    });

    it("refuses a taken email as EMAIL_TAKEN, in another case and with spaces too", async () => {
      const email = uniqueEmail("taken");
      expect((await browser().signUp(email)).statusCode).toBe(201);
      const afterFirst = await countRows("account");

      for (const variant of [email, email.toUpperCase(), `  ${email.replace("taken", "Taken")} `]) {
        const response = await browser().signUp(variant, "another-strong-passphrase-7");
        expect(response.statusCode).toBe(409);
        expect(errorCode(response)).toBe("EMAIL_TAKEN");
        expect(rawSetCookie(response, SESSION_COOKIE)).toBeUndefined();
      }
      expect(await countRows("account")).toBe(afterFirst);
      accountsBefore += 1; // the one account this test meant to create
    });

    it("has created no account row for any refused sign-up", async () => {
      expect(await countRows("account")).toBe(accountsBefore);
    });
  });

  it("accepts passwords whose NFKC length is within 8–128 even when their raw length is not", async () => {
    // 3 ligatures → 9 characters; 256 code points → 128 composed characters.
    for (const password of ["\ufb03".repeat(3), "e\u0301".repeat(128)]) {
      const response = await browser().signUp(uniqueEmail(), password);
      expect(response.statusCode).toBe(201);
    }
  });

  it("throttles sign-ups from one address (RATE_LIMITED with Retry-After)", async () => {
    const ip = nextIp();
    const limit = t.core.config.limits.signUpPerIp.limit;
    for (let i = 0; i < limit; i++) {
      // Refused sign-ups count too: they are how an address probes for taken emails.
      const response = await t.browser({ ip }).signUp(`bad-${i}`);
      expect(response.statusCode).toBe(400);
    }
    const before = await countRows("account");
    const response = await t.browser({ ip }).signUp(uniqueEmail());
    expect(response.statusCode).toBe(429);
    expect(errorCode(response)).toBe("RATE_LIMITED");
    expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(await countRows("account")).toBe(before);
  });
});

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

describe("POST /auth/sign-out", () => {
  it("signs out this browser only: 204, the cookie cleared, the token then SESSION_REVOKED, other devices still in", async () => {
    const email = uniqueEmail();
    const laptop = browser();
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const laptopToken = laptop.sessionToken!;

    const response = await laptop.post("/api/v1/auth/sign-out");

    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    const cleared = rawSetCookie(response, SESSION_COOKIE);
    expect(cleared).toBeDefined();
    // A __Host- cookie is only replaced (here: cleared) by one with the same Secure, Path=/.
    expect(cleared).toMatch(/^__Host-usher_session=;/);
    expect(cleared).toMatch(/; Secure/);
    expect(cleared).toMatch(/; Path=\/(;|$)/);
    const clearedCookie = setCookie(response, SESSION_COOKIE)!;
    expect(clearedCookie.maxAge === 0 || (clearedCookie.expires as Date).getTime() <= Date.now()).toBe(true);

    const again = await meWithCookie(laptopToken);
    expect(again.statusCode).toBe(401);
    expect(errorCode(again)).toBe("SESSION_REVOKED");
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("signs out a phone app by its bearer token, leaving the account's browser signed in", async () => {
    const email = uniqueEmail();
    const laptop = browser();
    expect((await laptop.signUp(email)).statusCode).toBe(201);
    const phone = phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const token = phone.token!;

    const response = await phone.post("/api/v1/auth/sign-out");
    expect(response.statusCode).toBe(204);
    expect(rawSetCookie(response, SESSION_COOKIE)).toBeUndefined();

    const again = await meWithBearer(token);
    expect(again.statusCode).toBe(401);
    expect(errorCode(again)).toBe("SESSION_REVOKED");
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("clears the cookie even when that same request slid the session's expiry", async () => {
    const laptop = browser();
    expect((await laptop.signUp(uniqueEmail())).statusCode).toBe(201);
    const token = laptop.sessionToken!;
    t.clock.advance(minutes(6)); // past the 5-minute activity interval

    const response = await laptop.post("/api/v1/auth/sign-out");

    expect(response.statusCode).toBe(204);
    const header = response.headers["set-cookie"];
    const lines = (Array.isArray(header) ? header : [header]).filter((l) => l?.startsWith(`${SESSION_COOKIE}=`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^__Host-usher_session=;/);
    expect(errorCode(await meWithCookie(token))).toBe("SESSION_REVOKED");
  });

  it("answers UNAUTHENTICATED without a session", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: { origin: APP_ORIGIN } });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});
