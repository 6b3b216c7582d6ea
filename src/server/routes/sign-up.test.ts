// Route tests for sign up: the account, its first profile and this device's session, and every refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  CHROME_ON_MAC,
  errorCode,
  nextIp,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
} from "../../../test/helper";
import { authTestHelpers, rawSetCookie, setCookie } from "./auth-test-helpers";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

const { browser, phoneApp, countRows, meWithBearer } = authTestHelpers(() => t);

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
      const response = await browser().signUp(uniqueEmail(), `${"qz7!Kp2w".repeat(16)}x`);
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
