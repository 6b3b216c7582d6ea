// Email verification after sign-up (the reminder banner, Resend email, the emailed link) and
// Change email on Membership & Billing (a link to the new address, which makes it the account's).

import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount } from "./support/layout";
import { linkIn, readEmail } from "./support/mailbox";
import { checkPage } from "./support/pages";

test("Verify the email from the reminder's Resend email, then change it to a new address", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const banner = page.getByRole("region", { name: "Verify your email" });
  await expect(banner).toContainText(`Please verify your email address, ${account.email}`);
  await chooseProfile(page, account.profileName);
  await expect(banner).toBeVisible();
  await checkPage(page, "verify-email-banner");

  const resentAt = new Date();
  await banner.getByRole("button", { name: "Resend email" }).click();
  await expect(banner).toContainText(`We've sent a new link to ${account.email}`);
  const email = await readEmail(page.request, account.email, "email_verification", resentAt);
  expect(email.subject).toBe("Verify your email address");

  // Opened on this browser, signed in and watching: verified, and back on the profile's home, which says so.
  await page.goto(linkIn(email, "/verify-email"));
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByRole("heading", { name: `Hi, ${account.profileName}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "is verified" })).toContainText(account.email);
  await checkPage(page, "profile-home-email-verified");
  await openAccount(page);
  await expect(page.getByRole("heading", { name: "Membership & Billing" })).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByText("Not verified yet")).toBeHidden();

  // The same link again: spent.
  await page.goto(linkIn(email, "/verify-email"));
  await expect(page.getByRole("alert")).toContainText("expired or was already used");

  // Change email: the new address and the current password, then the link in the new inbox.
  await page.goto("/account");
  await menuEntry(page, "Change email").click();
  await expect(page.getByRole("heading", { name: "Change email" })).toBeVisible();
  const newEmail = account.email.replace("alex+", "alex.new+");
  await page.getByLabel("New email", { exact: true }).fill(newEmail);
  await page.getByLabel("Current password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
  await page.getByLabel("Current password", { exact: true }).fill(account.password);
  await checkPage(page, "change-email");
  const askedAt = new Date();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Check your new inbox" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(newEmail);
  await checkPage(page, "change-email-sent");

  const confirm = await readEmail(page.request, newEmail, "email_change", askedAt);
  await page.goto(linkIn(confirm, "/confirm-email"));
  await expect(page.getByRole("status").filter({ hasText: "Your account's email is now" })).toContainText(newEmail);
  await checkPage(page, "confirm-email");
  // The old address is told.
  await readEmail(page.request, account.email, "email_changed", askedAt);

  await page.getByRole("link", { name: "Go to Account" }).click();
  await expect(page.getByRole("main")).toContainText(newEmail);
});

test("The reminder is on Who's watching? from its first frame: the profile about to be tapped never moves", async ({ page }, testInfo) => {
  // A slow connection: every API answer comes 800 ms late. Anything the page fetched after
  // drawing would then arrive well after the viewer could have tapped.
  await page.route("**/api/v1/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const account = newAccount(testInfo);
  await signUp(page, account);

  const banner = page.getByRole("region", { name: "Verify your email" });
  expect(await banner.isVisible(), "the reminder is drawn with the page").toBe(true);
  const tile = page.getByRole("main").getByRole("button", { name: account.profileName });
  const drawnAt = await tile.boundingBox();
  // Longer than any late answer: nothing may move in the meantime.
  await page.waitForTimeout(2_000);
  expect(await tile.boundingBox()).toEqual(drawnAt);

  await chooseProfile(page, account.profileName);
  await expect(banner).toBeVisible();
});
