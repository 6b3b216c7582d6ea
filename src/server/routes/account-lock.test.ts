// A locked account, through the API: the lock ends every session and stream at once and tells
// the platform's services; no way in works while it lasts (password, sign-in code, reset,
// passkey, TV), and each says so only after a correct proof; unlocking lets the owner back in.
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
import { SoftwareAuthenticator } from "../../../test/support/software-authenticator";
import { TvApp } from "../../../test/support/tv";
import { turnOnTotp } from "../../../test/support/two-step";
import { lockAccount, unlockAccount } from "../../core/support/lock-account";
import { addWebhookEndpoint } from "../../core/webhooks/endpoints";

let t: TestApp;
const operator = { name: "Dana at support" };
const authenticator = new SoftwareAuthenticator();

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  // Nothing listens here: the test reads what was queued for it.
  await addWebhookEndpoint(t.core, { id: "crm", url: "http://127.0.0.1:9/crm", eventTypes: ["account.locked", "session.revoked"] });
});

afterAll(async () => t?.close());

async function member() {
  const email = uniqueEmail("locked");
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(email);
  expect(response.statusCode).toBe(201);
  return { email, browser, accountId: response.json().account.id as string };
}

const signIn = (email: string, password = STRONG_PASSWORD) => t.browser({ ip: nextIp() }).signIn(email, password);

async function lock(accountId: string) {
  const answer = await lockAccount(t.core, accountId, "card chargeback, checking", operator);
  expect(answer).toMatchObject({ locked: true });
  return answer as { signedOutDevices: number };
}

/** The payload of what went out to `recipient` by this template (codes and links are read from the outbox). */
async function sentTo(recipient: string, template: string): Promise<Record<string, unknown>> {
  await t.delivered();
  const message = (await t.core.stores.outbox.listRecent(1000)).find((m) => m.recipient === recipient && m.template === template);
  if (!message) throw new Error(`no ${template} to ${recipient}`);
  for (const value of Object.values(message.payload)) if (typeof value === "string") t.logs.remember(value);
  return message.payload;
}

const webhooksFor = async (accountId: string) =>
  t.query<{ template: string; payload: Record<string, unknown> }>(
    sql`select template, payload from outbox where channel = 'webhook' and payload->>'account_id' = ${accountId} order by created_at`,
  );

describe("locking an account", () => {
  it("signs every device out at once, stops what they play, tells the platform's services and emails the owner", async () => {
    const { email, browser, accountId } = await member();
    const phone = t.phoneApp({ ip: nextIp() });
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const stream = await phone.post("/api/v1/streams", { titleId: "the-lantern-keepers" });
    expect(stream.statusCode).toBe(201);
    const before = await t.sentMark();

    expect((await lock(accountId)).signedOutDevices).toBe(2);

    for (const device of [browser, phone]) {
      const refused = await device.get("/api/v1/me");
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error).toMatchObject({ code: "SESSION_REVOKED", reason: "account_locked" });
    }
    const [ended] = await t.query<{ ended_at: Date | null }>(sql`select ended_at from stream where id = ${stream.json().stream.id}`);
    expect(ended!.ended_at).not.toBeNull();
    const hooks = await webhooksFor(accountId);
    expect(hooks.map((hook) => hook.template).sort()).toEqual(["account.locked", "session.revoked", "session.revoked"]);
    expect(hooks.find((hook) => hook.template === "account.locked")!.payload).toEqual({ account_id: accountId });
    await t.delivered();
    const emailed = t.sent.slice(before).filter((message) => message.channel === "email" && message.to === email);
    expect(emailed.map((message) => message.channel === "email" && message.template)).toEqual(["account_locked"]);
    expect(await lockAccount(t.core, accountId, "again", operator)).toBe("already_locked");
  });

  it("answers ACCOUNT_LOCKED only to the right password: a wrong one gets the same answer as an unknown email", async () => {
    const { email, accountId } = await member();
    await lock(accountId);

    const right = await signIn(email);
    expect(right.statusCode).toBe(403);
    expect(errorCode(right)).toBe("ACCOUNT_LOCKED");
    expect(right.json().error.message).toMatch(/Contact Usher support/);
    expect(right.cookies).toEqual([]);
    const wrong = await signIn(email, "not-the-password-1");
    const unknown = await signIn(uniqueEmail("nobody"), "not-the-password-1");
    expect([wrong.statusCode, wrong.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(errorCode(wrong)).toBe("INVALID_CREDENTIALS");
    const [{ n }] = (await t.query<{ n: number }>(
      sql`select count(*)::int as n from session where account_id = ${accountId} and revoked_at is null`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("refuses the right password before asking for a second step", async () => {
    const { email, browser, accountId } = await member();
    await turnOnTotp(t, browser);
    await lock(accountId);
    const answer = await signIn(email);
    expect(errorCode(answer)).toBe("ACCOUNT_LOCKED");
  });

  it("refuses an emailed sign-in code, and a password reset without changing the password", async () => {
    const { email, accountId } = await member();
    await lock(accountId);

    const device = t.browser({ ip: nextIp() });
    const { flowId } = (await device.post("/api/v1/auth/sign-in-code", { email })).json();
    const code = (await sentTo(email, "sign_in_code")).code;
    const completed = await device.post("/api/v1/auth/sign-in-code/complete", { flowId, code });
    expect(errorCode(completed)).toBe("ACCOUNT_LOCKED");

    const resetBy = t.browser({ ip: nextIp() });
    const asked = await resetBy.post("/api/v1/auth/password-reset", { email });
    expect(asked.statusCode).toBe(202);
    const done = await resetBy.post("/api/v1/auth/password-reset/complete", {
      token: (await sentTo(email, "password_reset")).token,
      newPassword: "a-brand-new-passphrase-7",
    });
    expect(errorCode(done)).toBe("ACCOUNT_LOCKED");
    // Nothing changed: the old password is still the right one (so the answer is still the lock).
    expect(errorCode(await signIn(email))).toBe("ACCOUNT_LOCKED");
    expect(errorCode(await signIn(email, "a-brand-new-passphrase-7"))).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a passkey sign-in", async () => {
    const { browser, accountId } = await member();
    const options = (await browser.post("/api/v1/account/passkeys/registration-options")).json().options;
    const { passkey, response } = authenticator.register(options);
    const added = await browser.post("/api/v1/account/passkeys", { name: "Laptop", passkey: response, signOutOtherDevices: false });
    expect(added.statusCode).toBe(201);
    for (const code of added.json().backupCodes ?? []) t.logs.remember(code);
    await lock(accountId);

    const device: Device = t.browser({ ip: nextIp() });
    const assertion = (await device.post("/api/v1/auth/passkey/options")).json().options;
    const answer = await device.post("/api/v1/auth/passkey", { passkey: authenticator.assert(passkey, assertion) });
    expect(answer.statusCode).toBe(403);
    expect(errorCode(answer)).toBe("ACCOUNT_LOCKED");
  });

  it("refuses a TV approved before the lock when it comes for its token", async () => {
    const { browser, accountId } = await member();
    const tv = new TvApp(t, nextIp());
    const flow = await tv.start();
    const profileId = (await browser.get("/api/v1/profiles")).json().profiles[0].id;
    expect((await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId })).statusCode).toBe(200);
    await lock(accountId);

    t.clock.advance(flow.interval * 1000);
    const polled = await tv.poll(flow.device_code);
    expect(polled.statusCode).toBe(400);
    expect(polled.json()).toMatchObject({ error: "access_denied" });
    const [{ n }] = (await t.query<{ n: number }>(
      sql`select count(*)::int as n from session where account_id = ${accountId} and revoked_at is null`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("unlocks: the owner signs in again, and the activity shows what support did", async () => {
    const { email, accountId } = await member();
    await lock(accountId);
    t.clock.advance(1000);
    expect(await unlockAccount(t.core, accountId, operator)).toEqual({ unlocked: true });
    expect(await unlockAccount(t.core, accountId, operator)).toBe("not_locked");

    const device = t.browser({ ip: nextIp() });
    expect((await device.signIn(email)).statusCode).toBe(200);
    const events = (await device.get("/api/v1/account/activity")).json().events as { type: string; details: Record<string, unknown> }[];
    const bySupport = events.filter((event) => event.details.by === "support").map((event) => event.type);
    expect(bySupport).toEqual(["account_unlocked", "account_locked"]);
    // The operator's name and the reason stay with support, in the activity and in the data download.
    expect(JSON.stringify(events)).not.toMatch(/Dana|chargeback/);
    const data = await device.get("/api/v1/account/data");
    expect(data.statusCode).toBe(200);
    expect(data.body).toContain('"type":"account_locked"');
    expect(data.body).not.toMatch(/Dana|chargeback/);
  });
});
