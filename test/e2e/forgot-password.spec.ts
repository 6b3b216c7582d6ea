// Forgot password? from the Sign In page, both ways: a link by email (read from the tests'
// SMTP server) and a 6-digit code texted to the verified phone (the dev outbox), where a new
// code is a new request. Setting the new password signs out every other device and signs
// this one in, and Who's watching? says so.

import { expectSignedOut, newAccount, newPassword, signIn, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { otherDevice } from "./support/layout";
import { linkIn, openEmail, readEmail, readTextedCode } from "./support/mailbox";
import { checkPage } from "./support/pages";
import { addVerifiedPhone } from "./support/recovery";

const RESET_NOTICE = "Your password was changed, and every other device was signed out.";

test("Forgot password? by email: the link sets a new password, signs out every device and signs in here", async ({
  page,
  browser,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);

  // Another browser, signed out, that has lost the password.
  const { context, page: lost } = await otherDevice(browser, testInfo.project.name === "phone" ? "phone" : "desktop");
  await lost.goto("/sign-in");
  await lost.getByRole("link", { name: "Forgot password?" }).click();
  await expect(lost.getByRole("heading", { name: "Forgot password?" })).toBeVisible();
  await lost.getByLabel("Email", { exact: true }).fill(account.email);
  await expect(lost.getByRole("radio", { name: /Email me a link/ })).toBeChecked();
  await checkPage(lost, "forgot-password");
  const askedAt = new Date();
  await lost.getByRole("button", { name: "Send link" }).click();
  await expect(lost.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(lost.getByRole("status")).toContainText(`If an account exists for ${account.email}`);
  await checkPage(lost, "forgot-password-email-sent");

  // An unknown address gets the very same answer.
  await lost.getByRole("button", { name: "try again" }).click();
  await lost.getByLabel("Email", { exact: true }).fill(`nobody-${Date.now()}@example.com`);
  await lost.getByRole("button", { name: "Send link" }).click();
  await expect(lost.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(lost.getByRole("status")).toContainText("If an account exists for nobody-");

  const email = await readEmail(lost.request, account.email, "password_reset", askedAt);
  expect(email.subject).toBe("Reset your password");
  await openEmail(lost, email);
  await expect(lost.getByRole("link", { name: "Set a new password" })).toBeVisible();
  await checkPage(lost, "email-password-reset");

  const link = linkIn(email, "/reset-password");
  await lost.goto(link);
  await expect(lost.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  // The token left the address bar as soon as the page read it.
  expect(new URL(lost.url()).hash).toBe("");
  const fresh = newPassword();
  await lost.getByLabel("New password", { exact: true }).fill(fresh);
  await lost.getByLabel("Confirm new password", { exact: true }).fill(`${fresh}x`);
  await lost.getByRole("button", { name: "Save", exact: true }).click();
  await expect(lost.getByText("The new passwords don't match")).toBeVisible();
  await lost.getByLabel("Confirm new password", { exact: true }).fill(fresh);
  await expect(lost.getByText(/Password strength/)).toBeVisible();
  await checkPage(lost, "reset-password");
  await lost.getByRole("button", { name: "Save", exact: true }).click();
  await expect(lost.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  // Who's watching? says what the reset did to the other devices.
  await expect(lost.getByRole("status").filter({ hasText: RESET_NOTICE })).toBeVisible();
  await checkPage(lost, "who-is-watching-after-password-reset");

  // The link works once.
  await lost.goto(link);
  await expect(lost.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await lost.getByLabel("New password", { exact: true }).fill(newPassword());
  await lost.getByLabel("Confirm new password", { exact: true }).fill(await lost.getByLabel("New password", { exact: true }).inputValue());
  await lost.getByRole("button", { name: "Save", exact: true }).click();
  await expect(lost.getByRole("alert")).toContainText("expired or was already used");
  await expect(lost.getByRole("link", { name: "Get a new link" })).toBeVisible();
  await checkPage(lost, "reset-password-link-used");
  await context.close();

  // The first browser, left open, went to Sign In by itself; the new password is the one that works.
  await expectSignedOut(page, /password was changed/i);
  await signIn(page, { ...account, password: fresh });
});

test("Forgot password? by text message: the code and a new password sign in here", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const phone = await addVerifiedPhone(page, account, testInfo);

  const { context, page: lost } = await otherDevice(browser, testInfo.project.name === "phone" ? "phone" : "desktop");
  await lost.goto("/sign-in");
  await lost.getByRole("link", { name: "Forgot password?" }).click();
  await expect(lost.getByRole("heading", { name: "Forgot password?" })).toBeVisible();
  await lost.getByLabel("Email", { exact: true }).fill(account.email);
  await lost.getByRole("radio", { name: /Text a code to my phone/ }).check();
  const askedAt = new Date();
  await lost.getByRole("button", { name: "Send code" }).click();
  await expect(lost.getByRole("heading", { name: "Enter the code" })).toBeVisible();
  await expect(lost.getByRole("status")).toContainText(`If an account exists for ${account.email} with a verified phone number`);
  const code = await readTextedCode(lost.request, phone.e164, askedAt, "password_reset_code");

  // A wrong code is refused in words, next to the field.
  const fresh = newPassword();
  await lost.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
  await lost.getByLabel("New password", { exact: true }).fill(fresh);
  await lost.getByLabel("Confirm new password", { exact: true }).fill(fresh);
  await lost.getByRole("button", { name: "Save", exact: true }).click();
  await expect(lost.getByText("That code is not right")).toBeVisible();
  await checkPage(lost, "forgot-password-code");

  // Send a new code: a new request, whose code is the one that works now.
  await lost.getByRole("button", { name: "Send a new code" }).click();
  await expect(lost.getByRole("status").filter({ hasText: "We've sent a new code" })).toBeVisible();
  let newCode = code;
  await expect.poll(async () => (newCode = await readTextedCode(lost.request, phone.e164, askedAt, "password_reset_code"))).not.toBe(code);
  await lost.getByLabel("6-digit code").fill(newCode);
  await lost.getByRole("button", { name: "Save", exact: true }).click();
  await expect(lost.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await expect(lost.getByRole("status").filter({ hasText: RESET_NOTICE })).toBeVisible();
  await context.close();

  await expectSignedOut(page, /password was changed/i);
  await signIn(page, { ...account, password: fresh });
});
