// The seed guide's second step: Account → Add phone number (number, current password, the
// text-message opt-in, Save), then the code texted to it — read here from the dev outbox.

import { chooseProfile, newAccount, newPhoneNumber, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount } from "./support/layout";
import { readTextedCode } from "./support/mailbox";
import { screenshot } from "./support/pages";

test("Add phone number and verify it with the texted code", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  await openAccount(page);
  await menuEntry(page, "Add phone number").click();
  await expect(page.getByRole("heading", { name: "Add phone number" })).toBeVisible();

  const phone = newPhoneNumber(testInfo);
  const sentAfter = new Date();
  await page.getByLabel("Phone number", { exact: true }).fill(phone.typed);
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await page.getByRole("checkbox", { name: /^Text me/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const codeField = page.getByLabel("6-digit code");
  await expect(codeField).toBeVisible();
  const code = await readTextedCode(page.request, phone.e164, sentAfter);
  await codeField.fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();

  // Back on Account: the number is there, verified, masked down to its last two digits.
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Membership & Billing" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("Verified", { exact: true })).toBeVisible();
  await expect(main).toContainText(new RegExp(`•+ ?${phone.e164.slice(-2)}\\b`));
  await expect(main).not.toContainText(phone.e164);
  await expect(main).not.toContainText(phone.typed.slice(3));
  await expect(menuEntry(page, "Add phone number")).toBeHidden();
  await screenshot(page, "account-with-phone");
});
