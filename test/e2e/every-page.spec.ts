// Every page, at this project's size: a screenshot kept under test-results/screenshots/, and
// axe-core finds no serious or critical violation. Signed-out pages stand alone; the signed-in
// ones are walked the way a customer reaches them, on one account (sign-ups are rate limited).

import { action, chooseProfile, newAccount, newPhoneNumber, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, menuEntry, openAccount, openMyUsherMenu, openProfileMenu } from "./support/layout";
import { checkPage } from "./support/pages";

test.describe("signed out", () => {
  test("landing page", async ({ page }) => {
    await page.goto("/");
    await expect(action(page, "Sign In")).toBeVisible();
    await expect(action(page, "Sign Up")).toBeVisible();
    // Posters from the catalogue the API serves, signed out.
    await expect(page.locator(".landing__posters .poster")).toHaveCount(6);
    // Two-step verification and passkeys exist: said as such, not as "Coming soon".
    await expect(page.getByRole("listitem").filter({ hasText: "Two-step verification and passkeys" })).toContainText("authenticator app");
    await expect(page.getByText(/coming soon/i)).toHaveCount(0);
    await checkPage(page, "landing");
  });

  test("sign-in page", async ({ page }) => {
    await page.goto("/");
    await action(page, "Sign In").click();
    await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
    await checkPage(page, "sign-in");
  });

  test("sign-in page showing why you are there", async ({ page }) => {
    await page.goto("/sign-in?reason=signed-out-all");
    await expect(page.getByRole("status")).toContainText(/signed out of all devices/i);
    await checkPage(page, "sign-in-after-sign-out-of-all-devices");
  });

  test("sign-up page", async ({ page }) => {
    await page.goto("/");
    await action(page, "Sign Up").click();
    await expect(page.getByRole("heading", { name: "Sign Up" })).toBeVisible();
    await page.getByLabel("Password", { exact: true }).fill("Quiet-Lantern-Orchard");
    await checkPage(page, "sign-up");
  });

  test("404 page", async ({ page }) => {
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /home|usher/i }).first()).toBeVisible();
    await checkPage(page, "not-found");
  });

  test("a signed-in page asks to sign in first", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  });
});

test("signed in: every page from Who's watching? to Manage access and devices, two-step verification and passkeys", async ({
  page,
}, testInfo) => {
  // A long walk (an axe check per page) that ran past 90 s on the shared 2-core machine.
  test.slow();
  const account = newAccount(testInfo);
  await signUp(page, account);
  await checkPage(page, "who-is-watching");

  await page
    .getByRole("link", { name: "Manage profiles" })
    .or(page.getByRole("button", { name: "Manage profiles" }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/profiles\/manage/);
  await checkPage(page, "manage-profiles");

  await page.goto("/profiles");
  await chooseProfile(page, account.profileName);
  await checkPage(page, "profile-home");

  await openAccount(page);
  await expect(page.getByRole("heading", { name: "Membership & Billing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Security & Privacy" })).toBeVisible();
  await checkPage(page, "account");

  await menuEntry(page, "Change password").click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await checkPage(page, "change-password");

  await page.goBack();
  await menuEntry(page, "Change plan").click();
  await expect(page.getByRole("heading", { name: "Change plan" })).toBeVisible();
  await checkPage(page, "change-plan");

  await page.goBack();
  await menuEntry(page, "Add phone number").click();
  await expect(page.getByRole("heading", { name: "Add phone number" })).toBeVisible();
  await checkPage(page, "add-phone");

  const phone = newPhoneNumber(testInfo);
  await page.getByLabel("Phone number", { exact: true }).fill(phone.typed);
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("6-digit code")).toBeVisible();
  await checkPage(page, "add-phone-code");

  await page.goto("/account");
  await menuEntry(page, "Manage access and devices").click();
  await expect(page).toHaveURL(/\/account\/devices/);
  await checkPage(page, "devices");

  await page.goto("/account");
  await menuEntry(page, "Manage two-step verification").click();
  await expect(page.getByRole("heading", { name: "Two-step verification", level: 1 })).toBeVisible();
  await checkPage(page, "two-step");

  await page.goto("/account");
  await menuEntry(page, "Manage passkeys").click();
  await expect(page.getByRole("heading", { name: "Passkeys", level: 1 })).toBeVisible();
  await checkPage(page, "passkeys");

  await page.goto("/account");
  await menuEntry(page, "Sign out of all devices").click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await checkPage(page, "sign-out-of-all-devices-dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.goto("/my-usher");
  await expect(page.getByRole("heading", { name: "My Usher" })).toBeVisible();
  await checkPage(page, "my-usher");

  // The menu that holds Sign out on this layout, and the confirmation behind it.
  if (isPhoneLayout(page)) {
    await openMyUsherMenu(page);
    await checkPage(page, "my-usher-menu");
    await menuEntry(page, "Sign out").click();
  } else {
    await page.goto("/browse");
    const menu = await openProfileMenu(page);
    await checkPage(page, "profile-menu");
    await menu.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  }
  await expect(page.getByRole("dialog")).toBeVisible();
  await checkPage(page, "sign-out-dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
});
