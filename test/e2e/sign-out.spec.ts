// The seed guides "How to log out" and "Sign out of all devices": Sign out behind its
// confirmation, sign in again, then Sign out of all devices from the phone layout (My Usher →
// Menu → Account → Security & Privacy) while a desktop is signed in — both end on sign-in.

import { chooseProfile, expectSignedOut, newAccount, signInAndChoose, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, menuEntry, openAccount, otherDevice, signOutHere } from "./support/layout";
import { screenshot } from "./support/pages";

test("Sign out, sign in again, then Sign out of all devices from the phone layout", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);

  await signOutHere(page);
  await expectSignedOut(page, /signed out/i);
  await screenshot(page, "sign-in-after-sign-out");
  await page.goto("/browse");
  await expect(page, "signed out means signed out").toHaveURL(/\/sign-in/);

  await signInAndChoose(page, account);

  // One phone-sized and one desktop-sized device on the account: this project's page is one.
  const other = await otherDevice(browser, isPhoneLayout(page) ? "desktop" : "phone");
  try {
    await signInAndChoose(other.page, account);
    const [phone, desktop] = isPhoneLayout(page) ? [page, other.page] : [other.page, page];

    await openAccount(phone);
    const security = phone.getByRole("heading", { name: "Security & Privacy" });
    await security.scrollIntoViewIfNeeded();
    await expect(security).toBeVisible();
    await menuEntry(phone, "Sign out of all devices").click();
    const dialog = phone.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await screenshot(phone, "sign-out-of-all-devices-confirm");
    // With no network the sign-out fails and says so; cancelled and opened again, the dialog
    // starts afresh rather than showing the old failure.
    await phone.context().setOffline(true);
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText("Usher can't be reached");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await phone.context().setOffline(false);
    await menuEntry(phone, "Sign out of all devices").click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    await expectSignedOut(phone, /all devices/i);

    // The desktop, left open, goes to Sign In by itself (live sign-out), and stays out.
    await expectSignedOut(desktop, /signed out of all devices, including this one/i);
    await screenshot(desktop, "sign-in-after-sign-out-of-all-devices-elsewhere");
    await desktop.goto("/account");
    await expect(desktop).toHaveURL(/\/sign-in/);
  } finally {
    await other.context.close();
  }
});
