// Passkeys with Chromium's virtual authenticator: two added as ways to sign in (the other
// devices stay signed in, and the password alone still signs in), used alone to sign in (no
// email typed), then asked for after the password, a choice of its own that turns two-step
// verification on and shows the backup codes; renamed, and one removed.

import { newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { signOutHere } from "./support/layout";
import { checkPage } from "./support/pages";
import { openSecurityLink, passwordStep, virtualAuthenticator } from "./support/two-step";

test("adds two passkeys, signs in with one alone, then as the second step once asked for, renames and removes them", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const first = await virtualAuthenticator(page);

  await openSecurityLink(page, "Manage passkeys", "Passkeys");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();

  // Said before the browser's prompt: another way to sign in, which changes nothing else. The
  // name starts as this device's; the other devices stay signed in unless asked.
  await expect(page.getByText("A passkey is another way to sign in, without your password.")).toBeVisible();
  await expect(page.getByLabel("Passkey name")).toHaveValue(/ on /);
  await expect(page.getByRole("checkbox", { name: "Sign out of all other devices" })).not.toBeChecked();
  await page.getByLabel("Passkey name").fill("");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Give this passkey a name")).toBeVisible();
  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();

  // No backup codes, no second step: only a new way in.
  await expect(page.getByRole("status").filter({ hasText: "Work laptop was added" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Save these now" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Work laptop" })).toContainText("Not used yet");

  // A second device's passkey: this authenticator already holds one for the account, so
  // another one stands in for the phone.
  await first.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: first.authenticatorId });
  await first.cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.getByLabel("Passkey name").fill("My phone");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "My phone was added" })).toBeVisible();
  await expect(page.locator(".passkey")).toHaveCount(2);
  await checkPage(page, "passkeys-two");

  // Account → Security & Privacy counts them; two-step verification is still off.
  await page
    .getByRole("main")
    .getByRole("link", { name: /Account$/ })
    .click();
  await expect(page.getByText("2 passkeys on your account.")).toBeVisible();
  await expect(page.getByText(/^Off\. Ask for a passkey after your password/)).toBeVisible();

  // Passkey alone: no email typed.
  await signOutHere(page);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

  // Asked for after the password: a choice on the two-step page, which turns two-step
  // verification on and shows the backup codes once.
  await page.goto("/account/two-step");
  await page.getByRole("button", { name: "Ask for a passkey after my password" }).click();
  const asking = page.getByRole("dialog", { name: "Ask for a passkey after your password?" });
  await asking.getByRole("button", { name: "Ask for a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Save these now" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Backup codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I've saved them" }).click();
  await expect(page.getByText("Signing in with your password asks for one.")).toBeVisible();
  await checkPage(page, "two-step-passkey-step");

  // Password, then the passkey as the second step.
  await signOutHere(page);
  await passwordStep(page, account.email, account.password);
  await expect(page.getByRole("button", { name: "Use a backup code" }), "backup codes stay on offer").toBeVisible();
  await checkPage(page, "sign-in-second-step-passkey");
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

  // Rename; the phone's passkey now shows when it was last used.
  await page.goto("/account/passkeys");
  const phone = page.getByRole("listitem").filter({ hasText: "My phone" });
  await expect(phone).toContainText("Last used");
  await page.getByRole("button", { name: "Rename My phone" }).click();
  await page.getByLabel("New name for My phone").fill("Alex's phone");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "The passkey is now called Alex's phone." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Alex's phone" })).toBeVisible();

  // Remove, after a confirmation that offers to sign out the other devices.
  await page.getByRole("button", { name: "Remove Work laptop" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Work laptop?" });
  await expect(dialog.getByRole("checkbox", { name: "Sign out of all other devices" })).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Remove", exact: true })).toHaveClass(/button--danger/);
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Work laptop was removed." })).toBeVisible();
  await expect(page.locator(".passkey")).toHaveCount(1);
});
