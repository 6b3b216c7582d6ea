// Two-step verification in the browser tests: authenticator-app codes from an independent
// generator (otpauth), and Chromium's virtual WebAuthn authenticator standing in for a
// fingerprint reader or phone.

import { type CDPSession, expect, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { openAccount } from "./layout";

/** The code an authenticator app shows for `secret` now, `steps` 30-second steps away. */
export function totpCode(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, "")),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A platform authenticator that says yes at once (user present and verified), holding passkeys. */
export async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** Account → Security & Privacy → the named link (Manage two-step verification, Manage passkeys). */
export async function openSecurityLink(
  page: Page,
  link: "Manage two-step verification" | "Manage passkeys",
  heading: string,
): Promise<void> {
  await openAccount(page);
  await page.getByRole("link", { name: link, exact: true }).click();
  await expect(page.getByRole("heading", { name: heading, exact: true, level: 1 })).toBeVisible();
}

/** The sign-in page's email and password, when the second step is expected next. */
export async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
}
