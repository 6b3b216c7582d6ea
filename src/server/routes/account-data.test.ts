// Account → Download your data and Account → Delete account, through the API. The deletion test
// builds a household with everything that names a person (a verified phone, profiles, a phone
// app, a TV, a passkey, streams, activity, emails and texts, codes asked for by address), deletes
// it, waits for the last email, then reads every row of every table for any of it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  errorCode,
  latestSmsCode,
  nextIp,
  SESSION_COOKIE,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { SoftwareAuthenticator } from "../../../test/support/software-authenticator";
import { TvApp } from "../../../test/support/tv";
import { minutes } from "../../core/clock";
import { addWebhookEndpoint } from "../../core/webhooks/endpoints";
import { rawSetCookie } from "./auth-test-helpers";

let t: TestApp;
const authenticator = new SoftwareAuthenticator();
let phoneNumbers = 0;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  await addWebhookEndpoint(t.core, { id: "crm", url: "http://127.0.0.1:9/crm", eventTypes: ["account.deleted", "session.revoked"] });
});

afterAll(async () => t?.close());

/** Names no other test uses, so finding one anywhere can only mean this household left it behind. */
const unique = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

interface Household {
  email: string;
  accountId: string;
  browser: Device;
  phone: string;
  /** Every name and address the household gave Usher. */
  personal: string[];
}

async function household(): Promise<Household> {
  const email = uniqueEmail("household");
  const [owner, kid, phoneName, tvName, passkeyName] = ["Rosalind", "Theo", "Rosalind's Pixel", "Living-room TV", "Rosalind's MacBook"].map(
    unique,
  ) as [string, string, string, string, string];
  const browser = t.browser({ ip: nextIp() });
  const signedUp = await browser.signUp(email, STRONG_PASSWORD, { profileName: owner });
  expect(signedUp.statusCode).toBe(201);
  const accountId = signedUp.json().account.id as string;
  expect((await browser.post("/api/v1/profiles", { name: kid, isKids: true })).statusCode).toBe(201);

  const phone = `+1202555${String(3000 + phoneNumbers++).padStart(4, "0")}`;
  expect((await browser.put("/api/v1/account/phone", { phone, currentPassword: STRONG_PASSWORD, smsOptIn: true })).statusCode).toBe(200);
  expect((await browser.post("/api/v1/account/phone/verify", { code: await latestSmsCode(t.core, phone) })).statusCode).toBe(200);

  const app = t.phoneApp({ name: phoneName, ip: nextIp() });
  expect((await app.signIn(email)).statusCode).toBe(200);
  expect((await app.post("/api/v1/streams", { titleId: "the-lantern-keepers" })).statusCode).toBe(201);

  const tv = new TvApp(t, nextIp());
  const flow = await tv.start({ device_name: tvName });
  const profileId = (await browser.get("/api/v1/profiles")).json().profiles[0].id;
  expect((await browser.post(`/api/v1/tv/codes/${flow.user_code}/approve`, { profileId })).statusCode).toBe(200);
  t.clock.advance(flow.interval * 1000);
  expect((await tv.poll(flow.device_code)).statusCode).toBe(200);

  const options = (await browser.post("/api/v1/account/passkeys/registration-options")).json().options;
  const added = await browser.post("/api/v1/account/passkeys", {
    name: passkeyName,
    passkey: authenticator.register(options).response,
    signOutOtherDevices: false,
  });
  expect(added.statusCode).toBe(201);
  for (const code of added.json().backupCodes ?? []) t.logs.remember(code);

  // Codes asked for by address: rows that name the address, not (yet) the account.
  expect((await t.browser({ ip: nextIp() }).post("/api/v1/auth/password-reset", { email })).statusCode).toBe(202);
  expect((await t.browser({ ip: nextIp() }).post("/api/v1/auth/sign-in-code", { phone })).statusCode).toBe(202);
  await t.delivered();
  return { email, accountId, browser, phone, personal: [email, phone, owner, kid, phoneName, tvName, passkeyName] };
}

/** Every row of every table of Usher's schema, as JSON text. */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const tables = await t.query<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rows: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables) {
    const found = await t.query<{ row: string }>(sql.raw(`select row_to_json(x)::text as row from "${table}" x`));
    rows.push(...found.map(({ row }) => ({ table, row })));
  }
  return rows;
}

const mentions = (rows: { table: string; row: string }[], needles: string[]) =>
  rows.flatMap(({ table, row }) =>
    needles.filter((needle) => row.toLowerCase().includes(needle.toLowerCase())).map((needle) => `${table}: ${needle}`),
  );

describe("GET /account/data", () => {
  it("hands the owner a file of everything about the account, with no secret or digest in it", async () => {
    const home = await household();
    const response = await home.browser.get("/api/v1/account/data");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="usher-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers["cache-control"]).toBe("no-store");
    const data = response.json();
    expect(data.account).toMatchObject({ id: home.accountId, email: home.email, phone: home.phone });
    expect(data.profiles).toHaveLength(2);
    expect(data.devices.map((device: { name: string }) => device.name)).toEqual(
      expect.arrayContaining([home.personal[4], home.personal[5]]),
    );
    expect(data.twoStepVerification.passkeys.map((passkey: { name: string }) => passkey.name)).toEqual([home.personal[6]]);
    expect(data.streams).toHaveLength(1);
    expect(data.messagesSent.map((message: { kind: string }) => message.kind)).toEqual(
      expect.arrayContaining(["email_verification", "phone_verification", "new_sign_in"]),
    );
    expect(data.activity.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(["data_exported", "signed_in"]));

    const text = response.body;
    expect(text).not.toMatch(/hash|secret|token|publicKey|argon2|"code"/i);
    expect(text).not.toContain(home.browser.sessionToken!.split(".")[1]);
    const [stored] = await t.query<{ password_hash: string }>(sql`select password_hash from account where id = ${home.accountId}`);
    expect(text).not.toContain(stored!.password_hash);
  });

  it("asks for a recent proof first", async () => {
    const home = await household();
    t.clock.advance(minutes(11));
    const stale = await home.browser.get("/api/v1/account/data");
    expect(stale.statusCode).toBe(403);
    expect(errorCode(stale)).toBe("REAUTH_REQUIRED");
  });
});

describe("DELETE /account", () => {
  it("asks for a recent proof, and deletes nothing without one", async () => {
    const home = await household();
    t.clock.advance(minutes(11));
    const stale = await home.browser.delete("/api/v1/account");
    expect(errorCode(stale)).toBe("REAUTH_REQUIRED");
    expect((await home.browser.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("signs every device out, tells the platform's services, emails a last time, and leaves nothing that names the household", async () => {
    const home = await household();
    const neighbour = await household();
    const before = await t.sentMark();
    // Asked for just before: a flow and a message that name only the address, not yet sent.
    await t.browser({ ip: nextIp() }).post("/api/v1/auth/password-reset", { email: home.email });

    const deleted = await home.browser.delete("/api/v1/account");
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ deleted: true, signedOutDevices: 3 });
    expect(rawSetCookie(deleted, SESSION_COOKIE)).toMatch(/^__Host-usher_session=;/);
    expect((await home.browser.get("/api/v1/me", { headers: { cookie: "" } })).statusCode).toBe(401);
    const signIn = await t.browser({ ip: nextIp() }).signIn(home.email);
    expect(errorCode(signIn)).toBe("INVALID_CREDENTIALS");

    // The platform's services hear of it: ids only.
    const hooks = await t.query<{ template: string; payload: Record<string, unknown> }>(
      sql`select template, payload from outbox where channel = 'webhook' and payload->>'account_id' = ${home.accountId}`,
    );
    const announced = hooks.filter((hook) => hook.template === "account.deleted" || hook.payload.reason === "account_deleted");
    expect(announced.map((hook) => hook.template).sort()).toEqual([
      "account.deleted",
      "session.revoked",
      "session.revoked",
      "session.revoked",
    ]);

    // The last email goes out; once it has, nothing anywhere names the household.
    await t.delivered();
    // (The reset email may have gone out before the deletion, or been erased with it.)
    const lastOnes = t.sent.slice(before).filter((message) => message.to === home.email);
    expect(lastOnes.map((message) => message.channel === "email" && message.subject).at(-1)).toBe("Your Usher account was deleted");
    const rows = await everyRow();
    expect(mentions(rows, [...home.personal, home.accountId.replace(/-/g, "")])).toEqual([]);
    // Only the deletion's own record keeps the id: when, and who.
    const kept = rows.filter(({ row }) => row.includes(home.accountId)).map(({ table, row }) => `${table} ${JSON.parse(row).type ?? ""}`);
    expect(kept.filter((line) => !line.startsWith("outbox") && !line.startsWith("session_change"))).toEqual([
      "audit_event account_deleted",
    ]);

    // The neighbour keeps everything.
    expect(mentions(rows, neighbour.personal).length).toBeGreaterThan(neighbour.personal.length);
    expect((await neighbour.browser.get("/api/v1/me")).statusCode).toBe(200);
  });
});
