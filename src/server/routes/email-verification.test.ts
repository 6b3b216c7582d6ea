// Route tests for email verification: the sign-up's link (24 h, single use, kept
// only as a keyed digest), opening it on any device, resend, and every way a link fails.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { hours } from "../../core/clock";
import { oneTimeCode } from "../../store/schema";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});
afterAll(async () => {
  await t?.close();
});

async function member(): Promise<{ accountId: string; email: string; browser: Device }> {
  const email = uniqueEmail("verify");
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(email);
  expect(response.statusCode).toBe(201);
  return { accountId: response.json().account.id, email, browser };
}

/** The token in the newest verification email to `email`. */
async function emailedToken(email: string): Promise<string> {
  const message = (await t.core.stores.outbox.listRecent(1000)).find((m) => m.recipient === email && m.template === "email_verification");
  if (!message) throw new Error(`no verification email to ${email}`);
  return (message.payload as { token: string }).token;
}

const open = (token: string, device = t.browser({ ip: nextIp() })) => device.post("/api/v1/account/email/verify", { token });
const verified = async (accountId: string) => (await t.core.stores.accounts.findById(accountId))!.emailVerifiedAt;

describe("email verification", () => {
  it("emails a link at sign-up; opening it on any device verifies the address", async () => {
    const m = await member();
    expect((await m.browser.get("/api/v1/account")).json().account.emailVerified).toBe(false);
    // Every signed-in page reads /me: its reminder needs no request of its own.
    expect((await m.browser.get("/api/v1/me")).json().account.emailVerified).toBe(false);
    const token = await emailedToken(m.email);
    expect(token.startsWith(`${m.accountId}.`)).toBe(true);

    const response = await open(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ email: m.email, verified: true });
    expect(await verified(m.accountId)).toEqual(t.clock.now());
    expect((await m.browser.get("/api/v1/account")).json().account.emailVerified).toBe(true);
    expect((await m.browser.get("/api/v1/me")).json().account.emailVerified).toBe(true);
    expect((await t.core.stores.audit.listByAccount(m.accountId, 10)).map((e) => e.type)).toContain("email_verified");
  });

  it("keeps only a keyed digest of the link's secret", async () => {
    const m = await member();
    const secret = (await emailedToken(m.email)).split(".")[1]!;
    const rows = await t.database.database.db
      .select()
      .from(oneTimeCode)
      .where(and(eq(oneTimeCode.accountId, m.accountId), eq(oneTimeCode.purpose, "email_verification")));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows[0])).not.toContain(secret);
    expect(rows[0]!.expiresAt).toEqual(new Date(t.clock.now().getTime() + hours(24)));
  });

  it("works once: opening the link again answers 410 LINK_EXPIRED", async () => {
    const m = await member();
    const token = await emailedToken(m.email);
    expect((await open(token)).statusCode).toBe(200);
    const again = await open(token);
    expect(again.statusCode).toBe(410);
    expect(errorCode(again)).toBe("LINK_EXPIRED");
  });

  it("verifies exactly once when the link is opened twice at the same moment", async () => {
    const m = await member();
    const token = await emailedToken(m.email);
    const answers = await Promise.all([open(token), open(token)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
    expect((await t.core.stores.audit.listByAccount(m.accountId, 10)).filter((e) => e.type === "email_verified")).toHaveLength(1);
  });

  it("refuses a link after 24 hours with 410 LINK_EXPIRED and leaves the address unverified", async () => {
    const m = await member();
    const token = await emailedToken(m.email);
    t.clock.advance(hours(24));
    const response = await open(token);
    expect(response.statusCode).toBe(410);
    expect(errorCode(response)).toBe("LINK_EXPIRED");
    expect(await verified(m.accountId)).toBeNull();
  });

  it.each([
    ["a truncated link", (token: string) => token.slice(0, -5)],
    ["garbage", () => "not-a-token"],
  ])("refuses %s with 400 LINK_INVALID and writes nothing", async (_name, mangle) => {
    const m = await member();
    const token = await emailedToken(m.email);
    const before = await t.core.stores.audit.listByAccount(m.accountId, 100);
    const response = await open(mangle(token));
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("LINK_INVALID");
    expect(await verified(m.accountId)).toBeNull();
    expect(await t.core.stores.audit.listByAccount(m.accountId, 100)).toEqual(before);
    expect((await open(token)).statusCode).toBe(200);
  });

  it("refuses a well-formed link with a wrong secret like a spent one (410 LINK_EXPIRED), writing nothing", async () => {
    const m = await member();
    const token = await emailedToken(m.email);
    const forged = `${m.accountId}.${token.split(".")[1]!.startsWith("A") ? "B" : "A"}${token.split(".")[1]!.slice(1)}`;
    const response = await open(forged);
    expect(response.statusCode).toBe(410);
    expect(errorCode(response)).toBe("LINK_EXPIRED");
    expect(await verified(m.accountId)).toBeNull();
    expect((await open(token)).statusCode).toBe(200);
  });

  it("refuses a body without a token with 400 VALIDATION_FAILED", async () => {
    const response = await t.browser().post("/api/v1/account/email/verify", { link: "x" });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("resends a new link (202), and the previous one stops working", async () => {
    const m = await member();
    const first = await emailedToken(m.email);
    t.clock.advance(1000);
    const resent = await m.browser.post("/api/v1/account/email/resend-verification");
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toEqual({ sentTo: m.email });
    const second = await emailedToken(m.email);
    expect(second).not.toBe(first);
    expect(errorCode(await open(first))).toBe("LINK_EXPIRED");
    expect((await open(second)).statusCode).toBe(200);
  });

  it("refuses a resend once verified (409), without a session (401), and after 5 an hour (429)", async () => {
    const m = await member();
    expect((await t.browser().post("/api/v1/account/email/resend-verification")).statusCode).toBe(401);
    for (let i = 0; i < 5; i++) expect((await m.browser.post("/api/v1/account/email/resend-verification")).statusCode).toBe(202);
    const limited = await m.browser.post("/api/v1/account/email/resend-verification");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();

    const n = await member();
    expect((await open(await emailedToken(n.email))).statusCode).toBe(200);
    const already = await n.browser.post("/api/v1/account/email/resend-verification");
    expect(already.statusCode).toBe(409);
    expect(errorCode(already)).toBe("EMAIL_ALREADY_VERIFIED");
  });

  it("throttles link checks per IP (429 after 30 in 15 minutes)", async () => {
    const ip = nextIp();
    const device = t.browser({ ip });
    for (let i = 0; i < 30; i++) expect((await open("not-a-token", device)).statusCode).toBe(400);
    expect((await open("not-a-token", device)).statusCode).toBe(429);
  });
});
