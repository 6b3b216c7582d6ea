// Two-step verification with an authenticator app: set up from the QR page's secret (codes
// computed here by otpauth; Copy key and the otpauth:// link, first on a phone), the backup
// codes shown once, the second step at sign-in with an app code, a backup code used once and
// refused the second time, then turned off.
import type { Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, signOutHere } from "./support/layout";
import { checkPage } from "./support/pages";
import { openSecurityLink, passwordStep, totpCode } from "./support/two-step";

async function signedInAfterSecondStep(page: Page, account: TestAccount): Promise<void> {
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  // The account's own line (the verify-email banner may name the address too).
  await expect(page.locator(".account__email")).toHaveText(account.email);
}

test("turns on the authenticator app, signs in with its code and with a backup code once, then turns it off", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);

  // Account → Security & Privacy says it's off.
  await page.goto("/account");
  await expect(page.getByText(/^Off\. Add an authenticator app or a passkey/)).toBeVisible();
  await openSecurityLink(page, "Manage two-step verification", "Two-step verification");
  await expect(page.getByRole("heading", { name: /Two-step verification is Off/ })).toBeVisible();
  await checkPage(page, "two-step-off");

  // Set up: the QR code and the secret in text.
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.locator(".totp-setup__secret").getAttribute("data-secret"))!;
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  // With the app on the phone in hand, which can't scan its own screen: a link that opens the
  // app with the QR code's otpauth:// URI, and Copy key.
  const openInApp = page.getByRole("link", { name: "Open in authenticator app" });
  await expect(openInApp).toHaveAttribute("href", /^otpauth:\/\/totp\//);
  const uri = new URL((await openInApp.getAttribute("href"))!);
  expect(uri.protocol).toBe("otpauth:");
  expect(uri.searchParams.get("secret")).toBe(secret.replace(/=+$/, ""));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The key was copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  // A phone-sized screen leads with them, the QR code after; a wide one with the QR code.
  const qrTop = (await page.getByRole("img", { name: /QR code/ }).boundingBox())!.y;
  const linkTop = (await openInApp.boundingBox())!.y;
  expect(linkTop < qrTop, "the link before the QR code").toBe(isPhoneLayout(page));
  await expect(page.locator(".totp-setup__steps > li").nth(1)).toContainText(
    isPhoneLayout(page) ? /^Add Usher to it/ : /^Scan this QR code/,
  );
  await expect(page.getByRole("checkbox", { name: "Sign out of all other devices" })).toBeChecked();
  await checkPage(page, "two-step-setup");

  // A wrong code is refused in words; the right one turns it on and shows the backup codes once.
  const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
  await page.getByLabel("6-digit code").fill(wrong);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("alert")).toContainText("That code isn't right");
  await page.getByLabel("6-digit code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("heading", { name: "Save these now" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Backup codes" }).getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  await expect(page.getByRole("status").filter({ hasText: "Two-step verification is on" })).toBeVisible();
  await checkPage(page, "two-step-backup-codes");
  await page.getByRole("button", { name: "I've saved them" }).click();
  await expect(page.getByRole("heading", { name: /Two-step verification is On/ })).toBeVisible();
  await expect(page.getByText("10 backup codes left", { exact: false })).toBeVisible();
  await checkPage(page, "two-step-on");

  // Signing in now asks for the second step; the app's next code completes it (the one used to
  // turn it on is spent).
  await signOutHere(page);
  await passwordStep(page, account.email, account.password);
  await checkPage(page, "sign-in-second-step");
  await page.getByLabel("Authenticator code").fill(wrong);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code isn't right");
  await page.getByLabel("Authenticator code").fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await signedInAfterSecondStep(page, account);

  // A backup code works once…
  await signOutHere(page);
  await passwordStep(page, account.email, account.password);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await signedInAfterSecondStep(page, account);
  await expect(page.getByText(/9 backup codes left/)).toBeVisible();

  // …and is refused the second time.
  await signOutHere(page);
  await passwordStep(page, account.email, account.password);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText(/already used|isn't right/);
  await page.getByLabel("Backup code").fill(codes[1]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await signedInAfterSecondStep(page, account);

  // Turning it off (the sign-in just now counts as the recent proof).
  await page.getByRole("link", { name: "Manage two-step verification" }).click();
  await page.getByRole("button", { name: "Turn off the authenticator app" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn off the authenticator app?" });
  await expect(dialog.getByRole("checkbox", { name: "Sign out of all other devices" })).toBeChecked();
  await dialog.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-step verification is off." })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Two-step verification is Off/ })).toBeVisible();

  // The password alone signs in again.
  await signOutHere(page);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
});
