// The app under another name of its server (127.0.0.1 where PUBLIC_URL says localhost): the
// browser is sent to PUBLIC_URL, where Sign Up works, instead of every form there failing as a
// request from another site.
import { newAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { baseURL } from "./support/servers";

test("a page opened at the server's IP address moves to PUBLIC_URL, and signing up there works", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  const atAddress = new URL("/sign-up", baseURL);
  atAddress.hostname = "127.0.0.1";

  await page.goto(atAddress.href);
  await expect(page).toHaveURL(`${baseURL}/sign-up`);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign Up", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
});
