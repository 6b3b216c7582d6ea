// Route tests for the security notices: each security change writes its email to
// the account's address in the change's own transaction, with what the owner needs to
// recognise it; a refused change writes none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  type Device,
  latestSmsCode,
  nextIp,
  STRONG_PASSWORD,
  type TestApp,
  uniqueEmail,
  withoutPerIpLimits,
} from "../../../test/helper";
import { totpAt } from "../../../test/support/two-step";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});
afterAll(async () => {
  await t?.close();
});

async function member(): Promise<{ email: string; browser: Device }> {
  const email = uniqueEmail("notice");
  const browser = t.browser({ ip: nextIp() });
  expect((await browser.signUp(email)).statusCode).toBe(201);
  return { email, browser };
}

async function notices(email: string) {
  return (await t.core.stores.outbox.listRecent(1000))
    .filter((m) => m.recipient === email && m.template !== "email_verification")
    .map((m) => ({ template: m.template, payload: m.payload }));
}

const now = () => t.clock.now().toISOString();

describe("security notices", () => {
  it("tells of two-step verification turned on, new backup codes and turned off, and of no refused code", async () => {
    const m = await member();
    const { secret } = (await m.browser.post("/api/v1/account/two-step/totp/setup")).json();
    t.logs.remember(secret);
    expect((await m.browser.post("/api/v1/account/two-step/totp/enable", { code: "000000" })).statusCode).toBe(400);
    expect(await notices(m.email)).toEqual([]);

    const enabled = await m.browser.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret) });
    expect(enabled.statusCode).toBe(200);
    for (const code of enabled.json().backupCodes) t.logs.remember(code);
    const renewed = await m.browser.post("/api/v1/account/two-step/backup-codes");
    expect(renewed.statusCode).toBe(200);
    for (const code of renewed.json().backupCodes) t.logs.remember(code);
    expect((await m.browser.post("/api/v1/account/two-step/totp/disable")).statusCode).toBe(200);

    // Written at the same (test clock) instant, so compared without their order.
    const written = await notices(m.email);
    expect(written).toHaveLength(3);
    expect(written).toEqual(
      expect.arrayContaining(
        ["two_step_on", "backup_codes_renewed", "two_step_off"].map((change) => ({
          template: "two_step_changed",
          payload: { change, at: now() },
        })),
      ),
    );
  });

  it("tells of a sign-in on a new device with its name, IP and time, but not of a known browser's", async () => {
    const m = await member();
    const phone = t.phoneApp({ ip: "198.51.100.7", name: "Living room iPhone" });
    expect((await phone.signIn(m.email)).statusCode).toBe(200);
    expect(await notices(m.email)).toEqual([
      { template: "new_sign_in", payload: { device: "Living room iPhone", ip: "198.51.100.7", at: now() } },
    ]);

    // The sign-up's browser carries the account's device cookie: signing in again there is not news.
    expect((await m.browser.signIn(m.email)).statusCode).toBe(200);
    expect(await notices(m.email)).toHaveLength(1);
  });

  it("writes nothing for a failed sign-in", async () => {
    const m = await member();
    expect((await t.browser({ ip: nextIp() }).signIn(m.email, "not-the-password-1")).statusCode).toBe(401);
    expect(await notices(m.email)).toEqual([]);
  });

  it("tells of a password change, and of none that was refused", async () => {
    const m = await member();
    const refused = await m.browser.post("/api/v1/account/password", {
      currentPassword: "wrong-password-123",
      newPassword: "copper-lantern-meadow-77",
    });
    expect(refused.statusCode).toBe(403);
    expect(await notices(m.email)).toEqual([]);
    const changed = await m.browser.post("/api/v1/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "copper-lantern-meadow-77",
    });
    expect(changed.statusCode).toBe(200);
    expect(await notices(m.email)).toEqual([{ template: "password_changed", payload: { at: now() } }]);
  });

  it("tells of signing out of all devices, not of signing out the others", async () => {
    const m = await member();
    expect((await m.browser.post("/api/v1/sessions/sign-out-others")).statusCode).toBe(200);
    expect(await notices(m.email)).toEqual([]);
    expect((await m.browser.post("/api/v1/sessions/sign-out-all")).statusCode).toBe(200);
    expect(await notices(m.email)).toEqual([{ template: "signed_out_all_devices", payload: { at: now() } }]);
  });

  it("tells of a phone number added, changed and removed, masked to its last two digits", async () => {
    const m = await member();
    const put = (phone: string) => m.browser.put("/api/v1/account/phone", { phone, currentPassword: STRONG_PASSWORD, smsOptIn: true });
    t.clock.advance(1000);
    expect((await put("+12025550181")).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await put("+12025550182")).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await m.browser.post("/api/v1/account/phone/remove", { currentPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    for (const e164 of ["+12025550181", "+12025550182"]) t.logs.codes.add(await latestSmsCode(t.core, e164));

    const sent = await notices(m.email);
    expect(sent.map((n) => [n.payload.change, n.payload.phone])).toEqual([
      ["removed", "+1 ••• ••• ••82"],
      ["changed", "+1 ••• ••• ••82"],
      ["added", "+1 ••• ••• ••81"],
    ]);
    expect(JSON.stringify(sent)).not.toContain("2025550181");
  });
});
