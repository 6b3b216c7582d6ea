// Route tests for the authenticator app (set-up, QR code, turning on and off) and backup
// codes. Codes come from an independent generator (otpauth), at the test clock's time.
import { eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, errorCode, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { nextStep, totpAt, turnOnTotp } from "../../../test/support/two-step";
import { minutes } from "../../core/clock";
import { mfaTotp } from "../../store/schema";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

async function member(device: Device = t.browser()) {
  const email = uniqueEmail("totp");
  const response = await device.signUp(email);
  expect(response.statusCode).toBe(201);
  return { device, email, accountId: response.json().account.id as string };
}

const security = async (device: Device) => (await device.get("/api/v1/account/security")).json();

describe("setting up the authenticator app", () => {
  it("answers the secret in text, the otpauth URI and a QR code (SVG data URL), and stores the secret encrypted", async () => {
    const { device, email, accountId } = await member();
    const response = await device.post("/api/v1/account/two-step/totp/setup");
    expect(response.statusCode).toBe(200);
    const { secret, otpauthUri, qrCode } = response.json();
    t.logs.remember(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = OTPAuth.URI.parse(otpauthUri) as OTPAuth.TOTP;
    expect(parsed).toBeInstanceOf(OTPAuth.TOTP);
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.issuer).toBe("Usher");
    expect(parsed.label).toBe(email);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(",")[1], "base64").toString("utf8")).toContain("<svg");

    const [row] = await t.database.database.db.select().from(mfaTotp).where(eq(mfaTotp.accountId, accountId));
    expect(row!.enabledAt).toBeNull();
    expect(row!.secretEncrypted).not.toContain(secret);
    expect(row!.secretEncrypted).toMatch(/^v1\./);
    // Not on yet: a sign-in still needs only the password.
    expect((await security(device)).twoStep).toEqual({ enabled: false, totp: false, passkeys: 0, passkeyStep: false, backupCodesLeft: 0 });
  });

  it("turns on only with a correct code, and hands out 10 backup codes once", async () => {
    const { device, accountId } = await member();
    const { secret } = (await device.post("/api/v1/account/two-step/totp/setup")).json();
    t.logs.remember(secret);
    const wrong = await device.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret, 5) });
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe("TWO_STEP_CODE_INVALID");
    expect((await security(device)).twoStep.enabled).toBe(false);

    const right = await device.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret), signOutOtherDevices: false });
    expect(right.statusCode).toBe(200);
    const { backupCodes } = right.json();
    for (const code of backupCodes) t.logs.remember(code);
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    expect((await security(device)).twoStep).toEqual({ enabled: true, totp: true, passkeys: 0, passkeyStep: false, backupCodesLeft: 10 });
    const events = await t.core.stores.audit.listByAccount(accountId, 10);
    expect(events.find((e) => e.type === "two_step_enabled")?.details).toMatchObject({ method: "totp", signOutOtherDevices: false });
  });

  it("accepts the code of one step before or after now, but not two", async () => {
    for (const [offset, status] of [
      [-1, 200],
      [1, 200],
      [-2, 400],
      [2, 400],
    ] as const) {
      const { device } = await member();
      const { secret } = (await device.post("/api/v1/account/two-step/totp/setup")).json();
      t.logs.remember(secret);
      const response = await device.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret, offset) });
      expect(response.statusCode, `offset ${offset}`).toBe(status);
      if (status === 200) for (const code of response.json().backupCodes) t.logs.remember(code);
    }
  });

  it("signs out the other devices when asked (the default), rotates this device's token, and keeps it signed in", async () => {
    const { device, email } = await member();
    const phone = t.phoneApp();
    expect((await phone.signIn(email)).statusCode).toBe(200);
    const oldToken = device.sessionToken;
    const { secret } = (await device.post("/api/v1/account/two-step/totp/setup")).json();
    t.logs.remember(secret);
    const response = await device.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret) });
    for (const code of response.json().backupCodes) t.logs.remember(code);
    expect(response.json().signedOutOtherDevices).toBe(1);
    expect(device.sessionToken).not.toBe(oldToken);
    expect((await device.get("/api/v1/me")).statusCode).toBe(200);
    expect(errorCode(await phone.get("/api/v1/me"))).toBe("SESSION_REVOKED");
  });

  it("refuses a second set-up while one is on, and turning on without a set-up", async () => {
    const { device } = await member();
    expect(errorCode(await device.post("/api/v1/account/two-step/totp/enable", { code: "123456" }))).toBe("TOTP_SETUP_NOT_STARTED");
    await turnOnTotp(t, device);
    expect(errorCode(await device.post("/api/v1/account/two-step/totp/setup"))).toBe("TOTP_ALREADY_ENABLED");
  });

  it("refuses a malformed code with 400 VALIDATION_FAILED", async () => {
    const { device } = await member();
    for (const code of ["12345", "abcdef", "1234567"]) {
      expect(errorCode(await device.post("/api/v1/account/two-step/totp/enable", { code }))).toBe("VALIDATION_FAILED");
    }
  });
});

describe("turning the authenticator app off", () => {
  it("needs a recent re-authentication, then turns two-step verification off and drops the backup codes", async () => {
    const { device, accountId } = await member();
    await turnOnTotp(t, device);
    t.clock.advance(minutes(11));
    const stale = await device.post("/api/v1/account/two-step/totp/disable", { signOutOtherDevices: false });
    expect(stale.statusCode).toBe(403);
    expect(errorCode(stale)).toBe("REAUTH_REQUIRED");
    expect((await security(device)).twoStep.totp).toBe(true);

    expect((await device.post("/api/v1/auth/reauthenticate", { password: "violet-kettle-harbour-42" })).statusCode).toBe(200);
    const off = await device.post("/api/v1/account/two-step/totp/disable");
    expect(off.statusCode).toBe(200);
    expect((await security(device)).twoStep).toEqual({ enabled: false, totp: false, passkeys: 0, passkeyStep: false, backupCodesLeft: 0 });
    const types = (await t.core.stores.audit.listByAccount(accountId, 20)).map((e) => e.type);
    expect(types).toContain("two_step_disabled");
    expect(errorCode(await device.post("/api/v1/account/two-step/totp/disable"))).toBe("TOTP_NOT_ENABLED");
  });
});

describe("backup codes", () => {
  it("regenerating needs two-step verification on and a recent re-authentication, and invalidates the old set", async () => {
    const { device, email } = await member();
    expect(errorCode(await device.post("/api/v1/account/two-step/backup-codes"))).toBe("TWO_STEP_NOT_ENABLED");
    const { backupCodes: old } = await turnOnTotp(t, device);
    t.clock.advance(minutes(11));
    expect(errorCode(await device.post("/api/v1/account/two-step/backup-codes"))).toBe("REAUTH_REQUIRED");
    await device.post("/api/v1/auth/reauthenticate", { password: "violet-kettle-harbour-42" });
    const fresh = await device.post("/api/v1/account/two-step/backup-codes");
    expect(fresh.statusCode).toBe(200);
    const codes: string[] = fresh.json().backupCodes;
    for (const code of codes) t.logs.remember(code);
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => old.includes(c))).toBe(false);

    // An old code no longer completes a sign-in; a new one does.
    const other = t.browser();
    const challenge = (await other.signIn(email)).json().challenge;
    t.logs.remember(challenge);
    expect(errorCode(await other.post("/api/v1/auth/two-step", { challenge, code: old[0] }))).toBe("TWO_STEP_CODE_INVALID");
    expect((await other.post("/api/v1/auth/two-step", { challenge, code: codes[0] })).statusCode).toBe(200);
    expect((await security(device)).twoStep.backupCodesLeft).toBe(9);
    nextStep(t);
  });
});
