// Helpers for route tests of re-authentication, two-step verification and passkeys. TOTP codes
// come from the otpauth package: an implementation independent of the server's own.
import * as OTPAuth from "otpauth";
import { expect } from "vitest";
import type { Device, TestApp } from "../helper";

/** The code an authenticator app shows for `secret` at the test clock's time, `steps` steps away. */
export function totpAt(t: TestApp, secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  return totp.generate({ timestamp: t.clock.now().getTime() + steps * 30_000 });
}

/** Moves the test clock to the start of the next 30-second step, so a fresh code exists. */
export function nextStep(t: TestApp): void {
  const ms = t.clock.now().getTime();
  t.clock.advance(30_000 - (ms % 30_000) + 1);
}

/** Sets up and turns on the authenticator app; answers its secret and the backup codes. */
export async function turnOnTotp(t: TestApp, device: Device, signOutOtherDevices = true) {
  const setup = await device.post("/api/v1/account/two-step/totp/setup");
  expect(setup.statusCode).toBe(200);
  const secret: string = setup.json().secret;
  t.logs.remember(secret);
  const enabled = await device.post("/api/v1/account/two-step/totp/enable", { code: totpAt(t, secret), signOutOtherDevices });
  expect(enabled.statusCode).toBe(200);
  const backupCodes: string[] = enabled.json().backupCodes;
  for (const code of backupCodes) t.logs.remember(code);
  // The code just used is spent: the next one comes with the next time step.
  nextStep(t);
  return { secret, backupCodes };
}

/** Signs in with the password and expects the two-step challenge. */
export async function passwordStep(t: TestApp, device: Device, email: string) {
  const response = await device.signIn(email);
  expect(response.statusCode).toBe(200);
  const body = response.json();
  expect(body.twoStepRequired).toBe(true);
  t.logs.remember(body.challenge);
  return body as { challenge: string; methods: string[]; expiresAt: string; passkeyOptions: { challenge: string } | null };
}
