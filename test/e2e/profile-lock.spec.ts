// Profile lock: Manage profiles → Profile lock (a panel of its own, apart from Edit) sets, changes and removes a
// profile's 4-digit PIN; Who's watching? shows the padlock and asks for the PIN (a wrong one
// refused, the right one opens, the 6th try after 5 wrong ones told to wait); "Require PIN to
// add new profiles" makes adding a profile ask for the main profile's PIN.
// Every change to a lock (setting, changing, removing it, and that option) asks for the account
// password right there, though each test signed up a moment ago: no window spares it.
import type { Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, openProfileMenu } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

function profileRow(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

function pickerButton(page: Page, name: string) {
  return page.getByRole("main").getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

async function openManageProfiles(page: Page): Promise<void> {
  await page.goto("/profiles");
  await page.getByRole("link", { name: "Manage profiles" }).click();
  await expect(page.getByRole("heading", { name: "Manage profiles", level: 1 })).toBeVisible();
}

async function addProfile(page: Page, name: string): Promise<void> {
  const add = page.getByRole("region", { name: "Add profile" });
  await add.getByLabel("Name", { exact: true }).fill(name);
  await add.getByRole("button", { name: "Add profile", exact: true }).click();
}

/** Manage profiles → <name>'s Profile lock panel. */
async function openProfileLock(page: Page, name: string) {
  await page.getByRole("button", { name: `Profile lock for ${name}`, exact: true }).click();
  const lock = profileRow(page, name).getByRole("region", { name: "Profile lock" });
  await expect(lock).toBeVisible();
  return lock;
}

async function lockWithPin(page: Page, name: string, pin: string, account: TestAccount): Promise<void> {
  const lock = await openProfileLock(page, name);
  await lock.getByRole("button", { name: "Lock with a PIN" }).click();
  await lock.getByLabel("PIN", { exact: true }).fill(pin);
  await lock.getByLabel("Confirm PIN", { exact: true }).fill(pin);
  await lock.getByLabel("Account password", { exact: true }).fill(account.password);
  await lock.getByRole("button", { name: "Save PIN" }).click();
  await expect(lock.getByRole("status")).toHaveText(`${name} is locked. Opening it now needs the PIN.`);
}

test("locks a profile: the picker asks for its PIN, refuses a wrong one, waits after 5, opens with the right one; then the lock is removed", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await openManageProfiles(page);
  await addProfile(page, "Sam");
  await expect(page.getByRole("status").filter({ hasText: "Added Sam." })).toBeVisible();

  // Lock Sam: digits only, entered twice, the two must match.
  const lock = await openProfileLock(page, "Sam");
  await expect(lock).toContainText("Off");
  await lock.getByRole("button", { name: "Lock with a PIN" }).click();
  const pin = lock.getByLabel("PIN", { exact: true });
  await expect(pin).toBeFocused();
  await expect(pin).toHaveAttribute("inputmode", "numeric");
  await pin.pressSequentially("1a3-5 7");
  await expect(pin, "only digits are kept").toHaveValue("1357");
  await lock.getByLabel("Confirm PIN", { exact: true }).fill("1375");
  await checkPage(page, "profile-lock-editor");
  await lock.getByRole("button", { name: "Save PIN" }).click();
  await expect(lock.getByText("The PINs don't match. Enter the same 4 digits twice.")).toBeVisible();
  await expect(lock.getByText("Enter your account password.")).toBeVisible();
  await lock.getByLabel("Confirm PIN", { exact: true }).fill("1357");
  // The password, though this browser signed up a moment ago; a wrong one is refused at the field.
  const password = lock.getByLabel("Account password", { exact: true });
  await password.fill(`${account.password}-wrong`);
  await lock.getByRole("button", { name: "Save PIN" }).click();
  await expect(lock.getByText("Your current password is incorrect.")).toBeVisible();
  await expect(password).toHaveValue("");
  await expect(profileRow(page, "Sam").getByText("Locked", { exact: true })).toHaveCount(0);
  await password.fill(account.password);
  await lock.getByRole("button", { name: "Save PIN" }).click();
  await expect(lock.getByRole("status")).toHaveText("Sam is locked. Opening it now needs the PIN.");
  await expect(profileRow(page, "Sam").getByText("Locked", { exact: true })).toBeVisible();
  await expect(profileRow(page, "Alex").getByText("Locked", { exact: true })).toHaveCount(0);
  await expect(lock.getByRole("button", { name: "Change PIN" })).toBeFocused();
  await screenshot(page, "profile-lock-editor-locked");

  // Change it: the old PIN stops working.
  await lock.getByRole("button", { name: "Change PIN" }).click();
  await lock.getByLabel("New PIN", { exact: true }).fill("2468");
  await lock.getByLabel("Confirm new PIN", { exact: true }).fill("2468");
  await expect(lock.getByLabel("Account password", { exact: true }), "asked again, empty").toHaveValue("");
  await lock.getByLabel("Account password", { exact: true }).fill(account.password);
  await lock.getByRole("button", { name: "Save PIN" }).click();
  await expect(lock.getByRole("status")).toHaveText("The PIN for Sam was changed.");

  // Who's watching?: a padlock on Sam, none on Alex.
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await expect(pickerButton(page, "Sam")).toHaveAccessibleName(/Sam\s*Locked/);
  await expect(pickerButton(page, "Alex")).not.toHaveAccessibleName(/Locked/);
  await expect(page.locator(".picker__lock")).toHaveCount(1);
  await checkPage(page, "who-is-watching-locked");

  // Choosing Sam asks for the PIN; the old one is refused.
  await pickerButton(page, "Sam").click();
  const dialog = page.getByRole("dialog", { name: "Sam is locked" });
  await expect(dialog).toBeVisible();
  const pinField = dialog.getByLabel("PIN", { exact: true });
  await expect(pinField).toBeFocused();
  await checkPage(page, "profile-pin-dialog");
  await pinField.fill("1357");
  await dialog.getByRole("button", { name: "Open profile" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That PIN isn't right.");
  await expect(pinField).toHaveValue("");
  await expect(pinField).toBeFocused();
  await expect(page).toHaveURL(/\/profiles$/);

  // Cancel, then the right PIN opens Sam's home.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await pickerButton(page, "Sam").click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await pinField.fill("2468");
  await pinField.press("Enter");
  await expect(page).toHaveURL(/\/browse$/);

  // Five wrong tries in all are refused one by one (the right PIN gave back only its own try,
  // not the wrong one before it); the sixth is told how long to wait.
  await page.goto("/profiles");
  await pickerButton(page, "Sam").click();
  await expect(dialog).toBeVisible();
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await pinField.fill(`000${attempt}`);
    await dialog.getByRole("button", { name: "Open profile" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("That PIN isn't right.");
    await expect(pinField).toHaveValue("");
  }
  await pinField.fill("0006");
  await dialog.getByRole("button", { name: "Open profile" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/^Too many attempts\. Please wait \d+ (minutes?|seconds?) and try again\.$/);
  await expect(dialog.getByRole("button", { name: "Open profile" })).toBeDisabled();
  await screenshot(page, "profile-pin-dialog-throttled");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/profiles$/);

  // Remove the lock: Sam opens without a PIN again.
  await openManageProfiles(page);
  const again = await openProfileLock(page, "Sam");
  await again.getByRole("button", { name: "Remove lock" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove the lock from Sam?" });
  await expect(confirm).toBeVisible();
  const confirmPassword = confirm.getByLabel("Account password", { exact: true });
  await expect(confirmPassword).toBeFocused();
  // Taking something away looks it: not the page's main (yellow) button.
  await expect(confirm.getByRole("button", { name: "Remove lock" })).toHaveClass(/button--danger/);
  await confirm.getByRole("button", { name: "Remove lock" }).click();
  await expect(confirm.getByText("Enter your account password.")).toBeVisible();
  await confirmPassword.fill(`${account.password}-wrong`);
  await confirm.getByRole("button", { name: "Remove lock" }).click();
  await expect(confirm.getByText("Your current password is incorrect.")).toBeVisible();
  await expect(confirmPassword).toBeFocused();
  await screenshot(page, "profile-lock-remove-password");
  await confirmPassword.fill(account.password);
  await confirm.getByRole("button", { name: "Remove lock" }).click();
  await expect(confirm).toBeHidden();
  await expect(again.getByRole("status")).toHaveText("The lock on Sam was removed.");
  await expect(again.getByRole("button", { name: "Lock with a PIN" })).toBeFocused();
  await expect(profileRow(page, "Sam").getByText("Locked", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page.locator(".picker__lock")).toHaveCount(0);
  await pickerButton(page, "Sam").click();
  await expect(page).toHaveURL(/\/browse$/);
});

test("Require PIN to add new profiles: adding a profile asks for the main profile's PIN; switching to the locked main profile asks for it too", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await openManageProfiles(page);

  // The switch waits for the main profile (Alex, the first) to be locked.
  const setting = page.getByRole("switch", { name: "Require PIN to add new profiles" });
  await expect(setting).toHaveAttribute("aria-checked", "false");
  await expect(setting).toBeDisabled();
  await expect(page.getByText(/Lock Alex first/)).toBeVisible();

  await lockWithPin(page, "Alex", "4321", account);
  await page.getByRole("button", { name: "Close profile lock", exact: true }).click();
  await expect(page.getByRole("button", { name: "Profile lock for Alex", exact: true })).toBeFocused();
  await expect(setting).toBeEnabled();
  await setting.click();
  const turnOn = page.getByRole("dialog", { name: "Ask for a PIN to add profiles?" });
  await expect(turnOn.getByLabel("Account password", { exact: true })).toBeFocused();
  await turnOn.getByLabel("Account password", { exact: true }).fill(account.password);
  await turnOn.getByRole("button", { name: "Turn on" }).click();
  await expect(turnOn).toBeHidden();
  await expect(setting).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("status").filter({ hasText: "Adding a profile now asks for Alex's PIN." })).toBeVisible();
  await checkPage(page, "manage-profiles-require-pin");

  // Adding Kim asks for Alex's PIN: a wrong one is refused, the right one adds Kim.
  await addProfile(page, "Kim");
  const dialog = page.getByRole("dialog", { name: "Enter the main profile's PIN" });
  await expect(dialog).toBeVisible();
  const pinField = dialog.getByLabel("PIN for Alex", { exact: true });
  await expect(pinField).toBeFocused();
  await screenshot(page, "add-profile-pin-dialog");
  await pinField.fill("1234");
  await dialog.getByRole("button", { name: "Add profile" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That PIN isn't right.");
  await expect(profileRow(page, "Kim")).toHaveCount(0);
  await pinField.fill("4321");
  await dialog.getByRole("button", { name: "Add profile" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Added Kim." })).toBeVisible();
  await expect(profileRow(page, "Kim")).toHaveCount(1);

  // Watching as Kim, switching to the locked Alex (profile menu, or My Usher on a phone) asks for the PIN too.
  await page.getByRole("link", { name: "Done" }).click();
  await pickerButton(page, "Kim").click();
  await expect(page).toHaveURL(/\/browse$/);
  if (isPhoneLayout(page)) {
    await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
    await page.getByRole("button", { name: /^Alex\b/ }).click();
  } else {
    const menu = await openProfileMenu(page);
    await menu.getByRole("menuitem", { name: /^Alex\b/ }).click();
  }
  const switchDialog = page.getByRole("dialog", { name: "Alex is locked" });
  await expect(switchDialog).toBeVisible();
  await switchDialog.getByLabel("PIN", { exact: true }).fill("4321");
  await switchDialog.getByRole("button", { name: "Open profile" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  if (isPhoneLayout(page)) {
    await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
    await expect(page.getByRole("heading", { name: "Alex", level: 2 })).toBeVisible();
  } else {
    await expect(page.getByRole("button", { name: "Profile menu for Alex" })).toBeVisible();
  }
  await openManageProfiles(page);

  // Cancelling keeps the form as typed and adds nobody.
  await addProfile(page, "Lee");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Add profile" }).getByLabel("Name", { exact: true })).toHaveValue("Lee");
  await expect(profileRow(page, "Lee")).toHaveCount(0);

  // Removing the main profile's lock turns the option off: Lee is added without a PIN.
  const lock = await openProfileLock(page, "Alex");
  await lock.getByRole("button", { name: "Remove lock" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove the lock from Alex?" });
  await expect(confirm).toContainText("Adding a profile will no longer ask for a PIN either.");
  await confirm.getByLabel("Account password", { exact: true }).fill(account.password);
  await confirm.getByRole("button", { name: "Remove lock" }).click();
  await expect(lock.getByRole("status")).toHaveText("The lock on Alex was removed.");
  await expect(setting).toHaveAttribute("aria-checked", "false");
  await expect(setting).toBeDisabled();
  await page.getByRole("region", { name: "Add profile" }).getByRole("button", { name: "Add profile", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added Lee." })).toBeVisible();
  await expect(dialog).toBeHidden();
});
