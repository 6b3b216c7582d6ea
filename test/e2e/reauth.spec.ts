// "Confirm it's you": on a server whose re-authentication window is 6 seconds, a sensitive
// change made after it asks for the password (or a passkey) in a dialog, then finishes by
// itself: Sign out of all other devices, setting up the authenticator app, adding a passkey,
// Sign out of all devices with a passkey as the proof.
import type { Page } from "@playwright/test";
import { expectSignedOut, newAccount, signIn, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { desktopViewport, isPhoneLayout, phoneViewport } from "./support/layout";
import { checkPage } from "./support/pages";
import { reauthBaseURL, reauthWindowMinutes } from "./support/servers";
import { virtualAuthenticator } from "./support/two-step";

test.use({ baseURL: reauthBaseURL });

/** Lets the last proof (the sign-up, or the last "Confirm it's you") grow old. */
const windowCloses = (page: Page) => page.waitForTimeout(reauthWindowMinutes * 60_000 + 1_000);

function confirmDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm it's you" });
}

test("Sign out of all other devices asks to confirm it's you after the window, then signs them out", async ({
  page,
  browser,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const other = await browser.newContext({
    baseURL: reauthBaseURL,
    viewport: isPhoneLayout(page) ? desktopViewport : phoneViewport,
  });
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, account);

    await page.goto("/account/devices");
    await expect(page.getByRole("heading", { name: "Manage access and devices" })).toBeVisible();
    await windowCloses(page);
    await page.getByRole("button", { name: "Sign out of all other devices" }).click();
    await page
      .getByRole("dialog", { name: "Sign out of all other devices?" })
      .getByRole("button", { name: "Sign out", exact: true })
      .click();

    // The prompt: a wrong password is refused in words, the dialog stays.
    const reauth = confirmDialog(page);
    await expect(reauth).toBeVisible();
    await expect(reauth.getByLabel("Password", { exact: true })).toBeFocused();
    await expect(reauth.getByRole("button", { name: "Use a passkey" }), "no passkey on the account").toHaveCount(0);
    await checkPage(page, "reauth-dialog");
    await reauth.getByLabel("Password", { exact: true }).fill(`${account.password}-wrong`);
    await reauth.getByRole("button", { name: "Continue" }).click();
    await expect(reauth.getByRole("alert")).toBeVisible();

    // The right password: the sign-out the user started finishes without another click.
    await reauth.getByLabel("Password", { exact: true }).fill(account.password);
    await reauth.getByRole("button", { name: "Continue" }).click();
    await expect(reauth).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Signed out of 1 other device" })).toBeVisible();
    await expectSignedOut(otherPage, /signed out/i);

    // This device is still signed in, on its new session.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Manage access and devices" })).toBeVisible();
  } finally {
    await other.close();
  }
});

test("Setting up the authenticator app after the window: Cancel leaves things as they were, the password continues to the QR code", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await page.goto("/account/two-step");
  await expect(page.getByRole("heading", { name: /Two-step verification is Off/ })).toBeVisible();
  await windowCloses(page);

  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(confirmDialog(page)).toBeVisible();
  await confirmDialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(confirmDialog(page)).toBeHidden();
  await expect(page.getByRole("alert")).toContainText("confirm it's you");
  await expect(page.getByRole("img", { name: /QR code/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await confirmDialog(page).getByLabel("Password", { exact: true }).fill(account.password);
  await confirmDialog(page).getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
});

test("A passkey confirms it's you: added after the password prompt, then used to Sign out of all devices", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await virtualAuthenticator(page);
  await page.goto("/account/passkeys");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await windowCloses(page);

  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await confirmDialog(page).getByLabel("Password", { exact: true }).fill(account.password);
  await confirmDialog(page).getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Work laptop was added" })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByText("1 passkey on your account.")).toBeVisible();
  await windowCloses(page);
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await page.getByRole("dialog", { name: "Sign out of all devices?" }).getByRole("button", { name: "Sign out", exact: true }).click();
  await confirmDialog(page).getByRole("button", { name: "Use a passkey" }).click();
  await expectSignedOut(page, /signed out of all devices/i);
});
