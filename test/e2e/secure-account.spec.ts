// "This wasn't me": a sign-in from a browser the account has never used sends a new-sign-in
// notice; its link leads (through Sign In) to Secure your account, where the owner signs every
// other device out at once and sets a new password.

import { expectSignedOut, newAccount, newPassword, signIn, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { otherDevice } from "./support/layout";
import { openEmail, readEmail } from "./support/mailbox";
import { checkPage } from "./support/pages";

test("This wasn't me → Secure your account: sign out of all devices, then a new password", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  const kind = testInfo.project.name === "phone" ? "phone" : "desktop";
  await signUp(page, account);

  // Someone else signs in with the password, from a browser the account has never used.
  const intruder = await otherDevice(browser, "desktop");
  const signedInAt = new Date();
  await signIn(intruder.page, account);
  const notice = await readEmail(page.request, account.email, "new_sign_in", signedInAt);
  expect(notice.subject).toBe("New sign-in to your account");

  // The owner reads the notice on another device and follows "This wasn't me".
  const owner = await otherDevice(browser, kind);
  await openEmail(owner.page, notice);
  await expect(owner.page.getByText(/Device: /)).toBeVisible();
  await checkPage(owner.page, "email-new-sign-in");
  await owner.page.getByRole("link", { name: "This wasn't me" }).click();

  // Not signed in there: Sign In first, which says why and comes back.
  await expect(owner.page).toHaveURL(/\/sign-in\?.*next=%2Fsecure-account/);
  await expect(owner.page.getByRole("status")).toContainText("Sign in to secure your account");
  await checkPage(owner.page, "sign-in-to-secure-account");
  await signInThenBack(owner.page, account);
  await expect(owner.page.getByText("0 of 5 steps done")).toBeVisible();
  await checkPage(owner.page, "secure-account");

  // Step 1: every other device is signed out at once (the intruder's and the first browser).
  await owner.page.getByRole("button", { name: "Sign out of all other devices" }).click();
  await expect(owner.page.getByText("2 other devices were signed out. Only this device is signed in now.")).toBeVisible();
  await expect(owner.page.getByText("1 of 5 steps done")).toBeVisible();
  await expectSignedOut(intruder.page, /signed out from another device/i);
  await expectSignedOut(page, /signed out from another device/i);

  // Step 2: a new password, with "Require all devices to sign in again" checked by default.
  const fresh = newPassword();
  const steps = owner.page.getByRole("listitem").filter({ has: owner.page.getByRole("heading", { name: "Set a new password" }) });
  await expect(steps.getByRole("checkbox", { name: "Require all devices to sign in again with new password" })).toBeChecked();
  await steps.getByLabel("Current password", { exact: true }).fill(account.password);
  await steps.getByLabel("New password", { exact: true }).fill(fresh);
  await steps.getByLabel("Confirm new password", { exact: true }).fill(fresh);
  await steps.getByRole("button", { name: "Save", exact: true }).click();
  await expect(owner.page.getByText("Your password has been changed.")).toBeVisible();
  await expect(owner.page.getByText("2 of 5 steps done")).toBeVisible();

  // Steps 3–5 review: the phone step answers here; devices go to Manage access and devices.
  await owner.page.getByRole("button", { name: "Skip for now" }).click();
  await owner.page.getByRole("link", { name: "Manage access and devices" }).click();
  await expect(owner.page.getByRole("heading", { name: "Manage access and devices" })).toBeVisible();
  await expect(owner.page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);
  await owner.page.goBack();
  await expect(owner.page.getByText("4 of 5 steps done")).toBeVisible();
  await checkPage(owner.page, "secure-account-steps-done");

  await owner.context.close();
  await intruder.context.close();
});

async function signInThenBack(page: import("@playwright/test").Page, account: { email: string; password: string }) {
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Secure your account" })).toBeVisible();
}
