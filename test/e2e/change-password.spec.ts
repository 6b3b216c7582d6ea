// The seed guide "Strengthening your account security": sign up, choose the profile, open
// Account, Change password — with "Require all devices…" checked another signed-in device is
// sent to the sign-in page at once, without a step of its own; unchecked, it stays signed in.
import type { Page } from "@playwright/test";
import { chooseProfile, expectSignedOut, newAccount, newPassword, signInAndChoose, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, menuEntry, openAccount, otherDevice } from "./support/layout";
import { screenshot } from "./support/pages";

const REQUIRE_ALL = "Require all devices to sign in again with new password";

async function changePassword(page: Page, from: string, to: string, requireAllDevices: boolean): Promise<void> {
  await openAccount(page);
  await expect(page.getByRole("heading", { name: "Membership & Billing" })).toBeVisible();
  await menuEntry(page, "Change password").click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();

  await page.getByLabel("Current password", { exact: true }).fill(from);
  await page.getByLabel("New password", { exact: true }).fill(to);
  await page.getByLabel("Confirm new password", { exact: true }).fill(to);
  const requireAll = page.getByRole("checkbox", { name: REQUIRE_ALL });
  await expect(requireAll, "the box is checked by default").toBeChecked();
  await requireAll.setChecked(requireAllDevices);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  // This device stays signed in (with a new session), back on Account, told what happened.
  await expect(page).toHaveURL(/\/account$/);
  const notice = page.getByRole("status").filter({ hasText: /password has been changed/i });
  await expect(notice).toBeVisible();
  if (requireAllDevices) await expect(notice).toContainText(/1 other device was signed out/i);
  else await expect(notice).not.toContainText(/signed out/i);
}

test('Change password signs out the other device when "Require all devices…" is checked, and not when unchecked', async ({
  page,
  browser,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);

  // Another device, the other size, signed in to the same account.
  const other = await otherDevice(browser, isPhoneLayout(page) ? "desktop" : "phone");
  try {
    await signInAndChoose(other.page, account);

    const second = newPassword();
    await changePassword(page, account.password, second, true);
    await screenshot(page, "change-password-saved");
    // The other device, left open, goes to Sign In by itself (live sign-out).
    await expectSignedOut(other.page, /password was changed/i);
    await screenshot(other.page, "sign-in-after-password-change-elsewhere");

    // The old password no longer works; the new one does.
    await other.page.getByLabel("Email", { exact: true }).fill(account.email);
    await other.page.getByLabel("Password", { exact: true }).fill(account.password);
    await other.page.getByRole("button", { name: "Sign In", exact: true }).click();
    await expect(other.page.getByRole("alert")).toBeVisible();
    await signInAndChoose(other.page, { ...account, password: second });

    const third = newPassword();
    await changePassword(page, second, third, false);
    await other.page.goto("/account");
    await expect(other.page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
    await expect(other.page).toHaveURL(/\/account$/);
  } finally {
    await other.context.close();
  }
});
