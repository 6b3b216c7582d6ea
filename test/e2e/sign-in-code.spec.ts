// Signing in with a code instead of the password: "Use a sign-in code" from the Sign In page,
// by email (read from the tests' SMTP server) or by text to the verified phone (the dev
// outbox); and a new device that signs in with the right password while strangers' guesses
// have spent the account's budget, which finishes with the emailed code. Each test has its own
// account: the server keeps its rate limits per account, in memory.
import type { APIRequestContext } from "@playwright/test";
import { chooseProfile, newAccount, signIn, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { otherDevice, signOutHere } from "./support/layout";
import { type ReceivedEmail, readEmail, readTextedCode } from "./support/mailbox";
import { checkPage } from "./support/pages";
import { addVerifiedPhone } from "./support/recovery";

/** The 6-digit code in a sign-in code email. */
function codeIn(email: ReceivedEmail): string {
  const code = email.text.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a 6-digit code in "${email.subject}"`).toBeTruthy();
  return code!;
}

const otherThan = (code: string) => (code === "000000" ? "111111" : "000000");

/** The account's guesses from unknown devices (50 per 15 minutes across every network). */
const ACCOUNT_GUESS_BUDGET = 50;

/**
 * Strangers guess the password from many addresses (X-Forwarded-For, trusted for one hop on
 * the test server), each address trying once: neither the per-address limit nor the
 * per-account-and-address one stops them, only the account's own budget. Sent with no cookie.
 */
async function spendGuessBudget(request: APIRequestContext, account: TestAccount): Promise<void> {
  const origin = test.info().project.use.baseURL!;
  const guess = (n: number) =>
    request.post("/api/v1/auth/sign-in", {
      headers: { origin, "x-forwarded-for": `198.51.100.${n}` },
      data: { email: account.email, password: `${account.password}-wrong-${n}` },
    });
  const answers = await Promise.all(Array.from({ length: ACCOUNT_GUESS_BUDGET }, (_, i) => guess(i + 1)));
  expect(answers.map((answer) => answer.status())).toEqual(Array(ACCOUNT_GUESS_BUDGET).fill(401));

  // The budget is spent: a wrong password from yet another address is no longer refused; it
  // is asked for a code, exactly as a right one would be (and nothing is sent for it).
  const next = await guess(ACCOUNT_GUESS_BUDGET + 1);
  expect(next.status()).toBe(200);
  expect(Object.keys(await next.json()).sort()).toEqual(["expiresAt", "flowId", "signInCodeRequired"]);
}

test("Use a sign-in code by email: the emailed code signs in, a wrong one is refused, an unknown address sees the same screen", async ({
  page,
  browser,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);

  const { context, page: visitor } = await otherDevice(browser, testInfo.project.name === "phone" ? "phone" : "desktop");
  await visitor.goto("/sign-in");
  await visitor.getByLabel("Email", { exact: true }).fill(account.email);
  await visitor.getByRole("link", { name: "Use a sign-in code" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\/code$/);
  await expect(visitor.getByRole("heading", { name: "Use a sign-in code" })).toBeVisible();
  // The email typed on Sign In came along; email is the default.
  await expect(visitor.getByLabel("Email", { exact: true })).toHaveValue(account.email);
  await expect(visitor.getByRole("radio", { name: /Email me a code/ })).toBeChecked();
  await checkPage(visitor, "sign-in-code");

  // An address without an account gets the very same answer.
  const nobody = `nobody-${Date.now()}@example.com`;
  await visitor.getByLabel("Email", { exact: true }).fill(nobody);
  await visitor.getByRole("button", { name: "Send code", exact: true }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(visitor.getByRole("main")).toContainText(
    `If an account uses ${nobody}, we've sent it a 6-digit code. It expires in 10 minutes.`,
  );
  await visitor.getByRole("button", { name: "Use a different email or phone" }).click();

  await visitor.getByLabel("Email", { exact: true }).fill(account.email);
  const askedAt = new Date();
  await visitor.getByRole("button", { name: "Send code", exact: true }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(visitor.getByRole("main")).toContainText(
    `If an account uses ${account.email}, we've sent it a 6-digit code. It expires in 10 minutes.`,
  );
  await checkPage(visitor, "sign-in-code-sent");
  const first = await readEmail(visitor.request, account.email, "sign_in_code", askedAt);
  expect(first.subject).toBe("Your Usher sign-in code");

  // A wrong code is refused in words, next to the field.
  await visitor.getByLabel("6-digit code").fill(otherThan(codeIn(first)));
  await visitor.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(visitor.getByText("That code is not right")).toBeVisible();
  await checkPage(visitor, "sign-in-code-wrong");

  // Send a new code: a new request, whose code is the one that works now.
  await visitor.getByRole("button", { name: "Send a new code" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "We've sent a new code" })).toBeVisible();
  let second = first;
  await expect
    .poll(async () => {
      second = await readEmail(visitor.request, account.email, "sign_in_code", askedAt);
      return second.id;
    })
    .not.toBe(first.id);
  await visitor.getByLabel("6-digit code").fill(codeIn(second));
  await visitor.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(visitor.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

  // This browser was new to the account: the owner hears of it.
  const notice = await readEmail(visitor.request, account.email, "new_sign_in", askedAt);
  expect(notice.text).toMatch(/sign/i);
  await context.close();
});

test("Use a sign-in code by text message: the code texted to the verified phone signs in", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const phone = await addVerifiedPhone(page, account, testInfo);

  const { context, page: visitor } = await otherDevice(browser, testInfo.project.name === "phone" ? "phone" : "desktop");
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Use a sign-in code" }).click();
  await visitor.getByRole("radio", { name: /Text a code to my phone/ }).check();
  await visitor.getByLabel("Phone number", { exact: true }).fill(phone.typed);
  await checkPage(visitor, "sign-in-code-phone");
  const askedAt = new Date();
  await visitor.getByRole("button", { name: "Send code", exact: true }).click();
  await expect(visitor.getByRole("heading", { name: "Check your phone" })).toBeVisible();
  await expect(visitor.getByRole("main")).toContainText(
    /If an account uses .+, we've texted it a 6-digit code\. It expires in 10 minutes\./,
  );
  await checkPage(visitor, "sign-in-code-phone-sent");

  await visitor.getByLabel("6-digit code").fill(await readTextedCode(visitor.request, phone.e164, askedAt, "sign_in_code_text"));
  await visitor.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(visitor.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await context.close();
});

test("a new device signs in with the password and the emailed code once strangers spent the account's guesses; the owner's browser signs in as usual", async ({
  page,
  browser,
  request,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await spendGuessBudget(request, account);

  // The owner's own browser signed in here before (its device cookie): the password alone still works.
  await chooseProfile(page, account.profileName);
  await signOutHere(page);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await signIn(page, account);

  // A browser new to the account, with the right password, finishes with the code.
  const { context, page: newDevice } = await otherDevice(browser, testInfo.project.name === "phone" ? "phone" : "desktop");
  await newDevice.goto("/sign-in");
  await newDevice.getByLabel("Email", { exact: true }).fill(account.email);
  await newDevice.getByLabel("Password", { exact: true }).fill(account.password);
  const askedAt = new Date();
  await newDevice.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(newDevice.getByRole("heading", { name: "Enter the code we sent you" })).toBeVisible();
  await expect(newDevice.getByRole("main")).toContainText(`we've sent a 6-digit sign-in code to ${account.email}`);
  await checkPage(newDevice, "sign-in-new-device-code");

  const email = await readEmail(newDevice.request, account.email, "sign_in_code", askedAt);
  expect(email.subject).toBe("Finish signing in to Usher");
  await newDevice.getByLabel("6-digit code").fill(codeIn(email));
  await newDevice.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(newDevice.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

  const notice = await readEmail(newDevice.request, account.email, "new_sign_in", askedAt);
  expect(notice.receivedAt >= email.receivedAt).toBe(true);
  await context.close();
});
