// Steps the issue-6 browser tests share: a verified phone added the way the guide does it.
import { expect, type Page, type TestInfo } from "@playwright/test";
import type { TestAccount } from "./accounts";
import { newPhoneNumber } from "./accounts";
import { readTextedCode } from "./mailbox";

/** Account → Add phone number → the texted code → back on Account with the number verified. */
export async function addVerifiedPhone(page: Page, account: TestAccount, testInfo: TestInfo): Promise<{ typed: string; e164: string }> {
  const phone = newPhoneNumber(testInfo);
  await page.goto("/account/phone");
  await expect(page.getByRole("heading", { name: "Add phone number" })).toBeVisible();
  const sentAfter = new Date();
  await page.getByLabel("Phone number", { exact: true }).fill(phone.typed);
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const codeField = page.getByLabel("6-digit code");
  await expect(codeField).toBeVisible();
  await codeField.fill(await readTextedCode(page.request, phone.e164, sentAfter));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("main").getByText("Verified", { exact: true })).toBeVisible();
  return phone;
}
