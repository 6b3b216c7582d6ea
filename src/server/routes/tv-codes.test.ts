// Route tests for the /tv page's API: looking up the code a TV shows, approving it for a
// profile or denying it, and the throttling that keeps codes from being guessed.
import { sql } from "drizzle-orm";
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
import { SAMSUNG_TV_UA, TvApp } from "../../../test/support/tv";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

async function viewer(ip = nextIp()): Promise<{ browser: Device; profileId: string }> {
  const browser = t.browser({ ip });
  const response = await browser.signUp(uniqueEmail("tv-codes"), undefined, { profileName: "Kim" });
  expect(response.statusCode).toBe(201);
  return { browser, profileId: response.json().profiles[0].id };
}

async function statusOf(userCode: string): Promise<string> {
  const [row] = await t.query<{ status: string }>(
    sql`select status from tv_code where user_code = ${userCode.replace("-", "")} order by created_at desc limit 1`,
  );
  return row!.status;
}

describe("GET /api/v1/tv/codes/:userCode", () => {
  it("shows which device asks: its name, its IP and when", async () => {
    const { browser } = await viewer();
    const tvIp = nextIp();
    const flow = await new TvApp(t, tvIp).start();
    const response = await browser.get(`/api/v1/tv/codes/${flow.user_code}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      userCode: flow.user_code,
      device: { name: "Usher app on Samsung TV", kind: "tv", ip: tvIp },
      requestedAt: t.clock.now().toISOString(),
      expiresAt: new Date(t.clock.now().getTime() + 900_000).toISOString(),
    });
    expect(SAMSUNG_TV_UA).toContain("Tizen");
  });

  it("accepts the code in lower case, without the dash, or with spaces", async () => {
    const { browser } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    for (const typed of [flow.user_code.toLowerCase(), flow.user_code.replace("-", ""), flow.user_code.replace("-", "%20")]) {
      expect((await browser.get(`/api/v1/tv/codes/${typed}`)).statusCode).toBe(200);
    }
  });

  it("answers TV_CODE_NOT_FOUND for a wrong code and VALIDATION_FAILED for one that can't be a code", async () => {
    const { browser } = await viewer();
    const wrong = await browser.get("/api/v1/tv/codes/BBBB-BBBB");
    expect(wrong.statusCode).toBe(404);
    expect(errorCode(wrong)).toBe("TV_CODE_NOT_FOUND");
    const malformed = await browser.get("/api/v1/tv/codes/1234-5678");
    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe("VALIDATION_FAILED");
  });

  it("needs a signed-in viewer", async () => {
    const flow = await new TvApp(t, nextIp()).start();
    const response = await t.browser({ ip: nextIp() }).get(`/api/v1/tv/codes/${flow.user_code}`);
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });

  it("throttles wrong codes per account, from any IP, with 429 and Retry-After", async () => {
    const { browser } = await viewer();
    for (let i = 0; i < 10; i++) expect((await browser.get("/api/v1/tv/codes/BBBB-BBBB")).statusCode).toBe(404);
    const flow = await new TvApp(t, nextIp()).start();
    const limited = await browser.get(`/api/v1/tv/codes/${flow.user_code}`);
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe("RATE_LIMITED");
    expect(limited.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("throttles wrong codes per IP, across accounts", async () => {
    const ip = nextIp();
    const first = await viewer(ip);
    for (let i = 0; i < 10; i++) await first.browser.get("/api/v1/tv/codes/BBBB-BBBB");
    const second = await viewer(ip);
    for (let i = 0; i < 20; i++) await second.browser.get("/api/v1/tv/codes/BBBB-BBBB");
    const third = await viewer(ip);
    expect(errorCode(await third.browser.get("/api/v1/tv/codes/BBBB-BBBB"))).toBe("RATE_LIMITED");
  });
});

describe("approving and denying", () => {
  it("asks for a locked profile's PIN before approving a TV for it", async () => {
    const { browser, profileId } = await viewer();
    const pin = "4826";
    t.logs.remember(pin);
    expect((await browser.put(`/api/v1/profiles/${profileId}/pin`, { pin, currentPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    const flow = await new TvApp(t, nextIp()).start();
    const approve = (body: object) => browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId, ...body });

    expect(errorCode(await approve({}))).toBe("PROFILE_LOCKED");
    expect(errorCode(await approve({ pin: "1111" }))).toBe("INVALID_PIN");
    expect(errorCode(await approve({ pin: "12a4" }))).toBe("VALIDATION_FAILED");
    expect(await statusOf(flow.user_code)).toBe("pending");
    expect((await approve({ pin })).statusCode).toBe(200);
    expect(await statusOf(flow.user_code)).toBe("approved");
  });

  it("approves for one of the viewer's profiles; a second decision answers TV_CODE_ALREADY_USED", async () => {
    const { browser, profileId } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    const approved = await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ userCode: flow.user_code, device: { kind: "tv" } });
    expect(await statusOf(flow.user_code)).toBe("approved");

    for (const again of [
      await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId }),
      await browser.post(`/api/v1/tv/codes/${flow.user_code}/deny`),
      await browser.get(`/api/v1/tv/codes/${flow.user_code}`),
    ]) {
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe("TV_CODE_ALREADY_USED");
    }
  });

  it("refuses another account's profile with PROFILE_NOT_FOUND and leaves the code pending", async () => {
    const { browser } = await viewer();
    const other = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    const response = await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: other.profileId });
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe("PROFILE_NOT_FOUND");
    expect(await statusOf(flow.user_code)).toBe("pending");
  });

  it("refuses a body without a profile id, writing nothing", async () => {
    const { browser } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    for (const body of [{}, { profileId: "kitchen" }, { profileId: crypto.randomUUID(), extra: 1 }]) {
      const response = await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, body);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect(await statusOf(flow.user_code)).toBe("pending");
  });

  it("denies, and the TV's code is then used up", async () => {
    const { browser } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    expect((await browser.post(`/api/v1/tv/codes/${flow.user_code}/deny`)).statusCode).toBe(200);
    expect(await statusOf(flow.user_code)).toBe("denied");
  });

  it("names the TV, and the profile it was approved for, in the account's activity", async () => {
    const { browser, profileId } = await viewer();
    const approved = await new TvApp(t, nextIp()).start();
    t.clock.advance(1000);
    expect((await browser.post(`/api/v1/tv/codes/${approved.user_code}/approve`, { profileId })).statusCode).toBe(200);
    t.clock.advance(1000);
    const denied = await new TvApp(t, nextIp()).start();
    expect((await browser.post(`/api/v1/tv/codes/${denied.user_code}/deny`)).statusCode).toBe(200);

    const { events } = (await browser.get("/api/v1/account/activity?limit=2")).json() as { events: { type: string; details: object }[] };
    expect(events.map((event) => [event.type, event.details])).toEqual([
      ["tv_sign_in_denied", { deviceName: "Usher app on Samsung TV" }],
      ["tv_sign_in_approved", { deviceName: "Usher app on Samsung TV", profileName: "Kim" }],
    ]);
  });

  it("lets exactly one of two viewers who approve at once win", async () => {
    const one = await viewer();
    const two = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    const answers = await Promise.all([
      one.browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: one.profileId }),
      two.browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: two.profileId }),
    ]);
    expect(answers.map((response) => response.statusCode).sort()).toEqual([200, 409]);
  });

  it("works with a bearer token from a phone app", async () => {
    const phone = t.phoneApp({ ip: nextIp() });
    const signUp = await phone.signUp(uniqueEmail("tv-phone"));
    const flow = await new TvApp(t, nextIp()).start();
    const response = await phone.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId: signUp.json().profiles[0].id });
    expect(response.statusCode).toBe(200);
  });

  it("refuses a cookie approval sent from another site (CROSS_ORIGIN_REQUEST)", async () => {
    const { browser, profileId } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    const response = await browser.post(
      `/api/v1/tv/codes/${flow.user_code}/approve`,
      { profileId },
      { headers: { origin: "https://evil.example" } },
    );
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("CROSS_ORIGIN_REQUEST");
    expect(await statusOf(flow.user_code)).toBe("pending");
  });

  it("keeps user codes out of the log", async () => {
    const { browser } = await viewer();
    const flow = await new TvApp(t, nextIp()).start();
    await browser.get(`/api/v1/tv/codes/${flow.user_code}`);
    const lines = t.logs.lines.join("\n");
    expect(lines).toContain("/api/v1/tv/codes/[code]");
    expect(lines).not.toContain(flow.user_code);
  });

  it("keeps the code of the QR link (/tv?code=…) out of the log too", async () => {
    const flow = await new TvApp(t, nextIp()).start();
    const link = new URL(flow.verification_uri_complete);
    await t.browser({ ip: nextIp() }).get(`${link.pathname}${link.search}`);
    const lines = t.logs.lines.join("\n");
    expect(lines).toContain("/tv?code=[code]");
    expect(lines).not.toContain(flow.user_code);
  });
});
