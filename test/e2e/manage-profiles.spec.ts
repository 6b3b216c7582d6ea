// Manage profiles reads like a streaming service's: each profile's row offers Edit and
// Profile lock, never a row of Delete buttons. Delete lives inside Edit, below Save and Cancel,
// and confirms with a danger button; the profile lock is a panel of its own, so no screen
// shows two Save/Cancel pairs.
import type { Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { checkPage } from "./support/pages";

function profileRow(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test("Delete is inside Edit, and the profile lock is a panel of its own", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await page.getByRole("link", { name: "Manage profiles", exact: true }).click();
  const add = page.getByRole("region", { name: "Add profile" });
  for (const name of ["Sam", "Lee"]) {
    await add.getByLabel("Name", { exact: true }).fill(name);
    await add.getByRole("button", { name: "Add profile", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added ${name}.` })).toBeVisible();
  }

  // The list: Edit and Profile lock on each row, no Delete anywhere.
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(3);
  await expect(page.getByRole("button", { name: /^Profile lock for / })).toHaveCount(3);
  await checkPage(page, "manage-profiles-list");

  // Edit: the profile's form, one Save/Cancel pair, and Delete apart from them.
  await page.getByRole("button", { name: "Edit Sam", exact: true }).click();
  const sam = profileRow(page, "Sam");
  await expect(sam.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(1);
  await expect(sam.getByRole("region", { name: "Profile lock" })).toHaveCount(0);
  const remove = sam.getByRole("button", { name: "Delete Sam", exact: true });
  await expect(remove).toHaveText("Delete profile");
  await checkPage(page, "manage-profiles-edit");
  await remove.click();
  const confirm = page.getByRole("dialog", { name: "Delete Sam?" });
  await expect(confirm.getByRole("button", { name: "Delete profile" })).toHaveClass(/button--danger/);
  await confirm.getByRole("button", { name: "Delete profile" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Deleted Sam." })).toBeVisible();
  await expect(profileRow(page, "Sam")).toHaveCount(0);

  // Profile lock: its own panel, with no profile form (no Save), closed by its own button.
  await page.getByRole("button", { name: "Profile lock for Lee", exact: true }).click();
  const lee = profileRow(page, "Lee");
  await expect(lee.getByRole("region", { name: "Profile lock" })).toBeVisible();
  await expect(lee.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(lee.getByLabel("Name", { exact: true })).toHaveCount(0);
  await checkPage(page, "manage-profiles-lock");
  await lee.getByRole("button", { name: "Close profile lock", exact: true }).click();
  await expect(page.getByRole("button", { name: "Profile lock for Lee", exact: true })).toBeFocused();

  // The last profile can't be deleted: Edit says so instead of offering Delete.
  await page.getByRole("button", { name: "Edit Lee", exact: true }).click();
  await lee.getByRole("button", { name: "Delete Lee", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete Lee?" }).getByRole("button", { name: "Delete profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted Lee." })).toBeVisible();
  await page.getByRole("button", { name: `Edit ${account.profileName}`, exact: true }).click();
  await expect(page.getByText("An account needs at least one profile, so this one can't be deleted.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
});
