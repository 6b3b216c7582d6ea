// Route tests for the account page's membership details: email, plan, masked phone, password change date and member since.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe("GET /account", () => {
  it("shows the email (case-folded), plan, no phone, when the password changed and since when the member is", async () => {
    const signedUpAt = t.clock.now().toISOString();
    const email = uniqueEmail("Mixed.Case");
    const browser = t.browser();
    expect((await browser.signUp(email.toUpperCase())).statusCode).toBe(201);

    const response = await browser.get("/api/v1/account");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      account: {
        email: email.toLowerCase(),
        plan: "standard",
        screens: 2,
        phone: null,
        passwordChangedAt: signedUpAt,
        memberSince: signedUpAt,
        emailVerified: false,
        language: "en",
        timeZone: "UTC",
      },
    });
  });

  it("shows the phone masked to its last two digits and never the whole number", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("masked"))).statusCode).toBe(201);
    const added = await browser.put("/api/v1/account/phone", {
      phone: "+1 202 555 0143",
      currentPassword: STRONG_PASSWORD,
      smsOptIn: true,
    });
    expect(added.statusCode).toBe(200);

    const response = await browser.get("/api/v1/account");
    expect(response.statusCode).toBe(200);
    expect(response.json().account.phone).toEqual({ masked: "+1 ••• ••• ••43", verified: false, smsOptIn: true });
    for (const whole of ["+12025550143", "2025550143", "202 555 0143", "202-555-0143", "5550143", "555 0143"]) {
      expect(response.body).not.toContain(whole);
      expect(added.body).not.toContain(whole);
    }
  });

  it("refuses a request without a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/account" });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});
