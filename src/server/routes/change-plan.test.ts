// Membership & Billing → Change plan: the plans and their screens, choosing one (no payment),
// what a change leaves behind (activity, an email to the owner, the claim every platform
// service sees; the webhook is events.test.ts's), and who may not (a Kids profile, bad input).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { cryptoRandom } from "../../core/crypto/random";
import { newServiceSecret, secretDigest } from "../../core/services/service-clients";

let t: TestApp;
const secret = newServiceSecret(cryptoRandom);

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...withoutPerIpLimits(config),
      services: { ...config.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
});

afterAll(async () => t?.close());

async function member() {
  const email = uniqueEmail("plan");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  const accountId = (await browser.get("/api/v1/me")).json().account.id as string;
  return { email, browser, accountId };
}

async function introspectedPlan(token: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/oauth/introspect",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`playback:${secret}`).toString("base64")}`,
    },
    payload: new URLSearchParams({ token }).toString(),
  });
  return response.json().plan;
}

describe("GET /account/plan", () => {
  it("lists the plans with the screens each allows, and the account's own (Standard at sign-up)", async () => {
    const { browser } = await member();
    const response = await browser.get("/api/v1/account/plan");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      plan: "standard",
      plans: [
        { id: "basic", name: "Basic", screens: 1 },
        { id: "standard", name: "Standard", screens: 2 },
        { id: "premium", name: "Premium", screens: 4 },
      ],
    });
  });
});

describe("PUT /account/plan", () => {
  it("changes the plan: the account, its activity, an email to the owner, a webhook and the services' claim all say so", async () => {
    const { email, browser, accountId } = await member();
    const mark = await t.sentMark();
    const response = await browser.put("/api/v1/account/plan", { plan: "premium" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ plan: "premium", downgrade: false });

    expect((await browser.get("/api/v1/account")).json().account.plan).toBe("premium");
    expect(await introspectedPlan(browser.sessionToken!)).toBe("premium");
    const activity = (await browser.get("/api/v1/account/activity")).json().events;
    expect(activity).toContainEqual(expect.objectContaining({ type: "plan_changed", details: { from: "standard", to: "premium" } }));
    await t.delivered();
    const emails = t.sent.slice(mark).filter((message) => message.channel === "email" && message.to === email);
    expect(emails).toEqual([expect.objectContaining({ template: "plan_changed", subject: "Your plan is now Premium" })]);
    // The platform's verifiers are told in the same transaction (the plan is a claim).
    const changes = await t.query<{ n: number }>(sql`select count(*)::int as n from session_change where account_id = ${accountId}`);
    expect(changes[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("says a downgrade is one, and the email says what keeps playing", async () => {
    const { email, browser } = await member();
    const mark = await t.sentMark();
    const response = await browser.put("/api/v1/account/plan", { plan: "basic" });
    expect(response.json()).toEqual({ plan: "basic", downgrade: true });
    await t.delivered();
    const [notice] = t.sent.slice(mark).filter((message) => message.channel === "email" && message.to === email);
    expect(notice).toMatchObject({ template: "plan_changed", subject: "Your plan is now Basic" });
    expect(notice?.channel === "email" && notice.text).toContain("the new limit applies to what starts next");
  });

  it("changes nothing, and sends nothing, when the plan chosen is the plan already held", async () => {
    const { email, browser } = await member();
    const mark = await t.sentMark();
    const response = await browser.put("/api/v1/account/plan", { plan: "standard" });
    expect(response.json()).toEqual({ plan: "standard", downgrade: false });
    await t.delivered();
    expect(t.sent.slice(mark).filter((message) => message.channel === "email" && message.to === email)).toEqual([]);
    expect((await browser.get("/api/v1/account/activity")).json().events.map((event: { type: string }) => event.type)).not.toContain(
      "plan_changed",
    );
  });

  it("refuses a plan that isn't one, and anything but a plan, with 400", async () => {
    const { browser } = await member();
    for (const body of [{ plan: "gold" }, { plan: "premium", price: 0 }, {}, { plan: 4 }]) {
      const response = await browser.put("/api/v1/account/plan", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(response)).toBe("VALIDATION_FAILED");
    }
    expect((await browser.get("/api/v1/account")).json().account.plan).toBe("standard");
  });

  it("refuses a Kids profile with 403 KIDS_PROFILE", async () => {
    const { browser } = await member();
    const kids = (await browser.post("/api/v1/profiles", { name: "Robin", isKids: true })).json().profile;
    expect((await browser.post(`/api/v1/profiles/${kids.id}/choose`, {})).statusCode).toBe(200);
    const response = await browser.put("/api/v1/account/plan", { plan: "premium" });
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe("KIDS_PROFILE");
  });

  it("refuses a visitor without a session with 401", async () => {
    const response = await t.browser({ ip: nextIp() }).put("/api/v1/account/plan", { plan: "premium" });
    expect(response.statusCode).toBe(401);
  });
});
