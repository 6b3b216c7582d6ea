// Account → Manage access and devices with two devices on the account: Sign out the other
// one from its row, then (signed in there again) Sign out of all other devices. Each time the
// other device lands on the sign-in page at its next navigation, and this one stays.
import type { Page } from "@playwright/test";
import { chooseProfile, expectSignedOut, newAccount, signInAndChoose, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, menuEntry, openAccount, otherDevice } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

function deviceList(page: Page) {
  return page.getByRole("list", { name: "Signed-in devices" });
}

function thisDevice(page: Page) {
  return deviceList(page)
    .getByRole("listitem")
    .filter({ has: page.getByText("This device", { exact: true }) });
}

function otherDevices(page: Page) {
  return deviceList(page)
    .getByRole("listitem")
    .filter({ hasNot: page.getByText("This device", { exact: true }) });
}

/**
 * The device signed out from elsewhere is on the sign-in page at its next navigation. An open
 * page may already be there (the live "You were signed out" notice) and have dropped its dead
 * cookie on the way, so the notice says either why or just to sign in.
 */
async function expectSignedOutAtNextNavigation(page: Page): Promise<void> {
  await page.goto("/account");
  await expectSignedOut(page, /signed out|sign in to continue/i);
  await page.goto("/browse");
  await expect(page, "signed out means signed out").toHaveURL(/\/sign-in/);
}

test("signs out another device from its row, then all other devices, and this one stays", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);

  const other = await otherDevice(browser, isPhoneLayout(page) ? "desktop" : "phone");
  try {
    await signInAndChoose(other.page, account);

    await openAccount(page);
    await menuEntry(page, "Manage access and devices").click();
    await expect(page).toHaveURL(/\/account\/devices$/);
    await expect(page.getByRole("heading", { name: "Manage access and devices" })).toBeVisible();
    await expect(deviceList(page).getByRole("listitem")).toHaveCount(2);
    await expect(thisDevice(page)).toHaveCount(1);
    await expect(otherDevices(page)).toHaveCount(1);
    // This browser's row says what its button signs out of; the other's says Sign out.
    await expect(thisDevice(page).getByRole("button")).toHaveText("Sign out of this browser");
    await expect(otherDevices(page).getByRole("button", { name: /^Sign out/ })).toHaveText("Sign out");
    // Both devices watched as Alex; each row says so, with when and from where.
    for (const row of [thisDevice(page), otherDevices(page)]) {
      await expect(row).toContainText(account.profileName);
      await expect(row).toContainText(/Active/);
      await expect(row).toContainText(/IP address/);
    }
    await checkPage(page, "devices-manage");

    // Sign out the other device from its row.
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), not the DOM property: the name as the page shows it.
    const otherName = (await otherDevices(page).locator(".device__name").innerText()).trim();
    await otherDevices(page)
      .getByRole("button", { name: /^Sign out/ })
      .click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await screenshot(page, "devices-sign-out-one-confirm");
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `${otherName} was signed out.` })).toBeVisible();
    await expect(deviceList(page).getByRole("listitem")).toHaveCount(1);
    await expect(thisDevice(page)).toHaveCount(1);
    await expect(page).toHaveURL(/\/account\/devices$/);

    await expectSignedOutAtNextNavigation(other.page);

    // Signed in there again; this time Sign out of all other devices.
    await signInAndChoose(other.page, account);
    await page.reload();
    await expect(deviceList(page).getByRole("listitem")).toHaveCount(2);
    // By keyboard: Enter on the button; in the dialog (focus moves in), Tab to its Sign out and Enter.
    await page.getByRole("button", { name: "Sign out of all other devices", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "Sign out of all other devices?" })).toBeVisible();
    await expect(dialog.locator(":focus")).toHaveCount(1);
    const confirm = dialog.getByRole("button", { name: "Sign out", exact: true });
    for (let tabs = 0; tabs < 3 && !(await confirm.evaluate((button) => button.matches(":focus"))); tabs += 1) {
      await page.keyboard.press("Tab");
    }
    await expect(confirm).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    const notice = page.getByRole("status").filter({ hasText: "Signed out of 1 other device." });
    await expect(notice).toBeVisible();
    // The button that opened the dialog is gone; focus waits on the notice, not lost on the page.
    await expect(page.locator(".devices__notice")).toBeFocused();
    await expect(page).toHaveURL(/\/account\/devices$/);
    await expect(deviceList(page).getByRole("listitem")).toHaveCount(1);
    await expect(thisDevice(page)).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Sign out of all other devices" })).toHaveCount(0);
    await screenshot(page, "devices-after-sign-out-of-other-devices");

    await expectSignedOutAtNextNavigation(other.page);

    // This device is still signed in: the list comes back with it alone.
    await page.reload();
    await expect(deviceList(page).getByRole("listitem")).toHaveCount(1);
    await expect(thisDevice(page)).toHaveCount(1);

    // Sign out on this device's own row ends here, on the sign-in page.
    await thisDevice(page).getByRole("button", { name: "Sign out of this browser", exact: true }).click();
    await expect(dialog.getByRole("heading", { name: "Sign out of this browser?" })).toBeVisible();
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    await expectSignedOut(page, /you've signed out/i);
    await expect(page).toHaveURL(/reason=signed-out$/);
  } finally {
    await other.context.close();
  }
});
