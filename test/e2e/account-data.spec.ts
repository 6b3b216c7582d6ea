// Account → Download your data and Account → Delete account (Security & Privacy), reached the way
// the guides go at this project's size (profile menu, or My Usher → Menu on a phone); and the
// sign-in page's words for a locked account.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import englishApi from "../../src/locales/en/api.json" with { type: "json" };
import { chooseProfile, expectSignedOut, newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount } from "./support/layout";
import { readEmail } from "./support/mailbox";
import { checkPage, screenshot } from "./support/pages";
import { startPostgresServer } from "./support/postgres-server";

/** Signed up, a profile chosen, then Account → the Security & Privacy row's link (the account page's screenshot first, when named). */
async function openFromAccount(page: Page, account: TestAccount, link: string, path: string, accountScreenshot?: string): Promise<void> {
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  await openAccount(page);
  const security = page.getByRole("region", { name: "Security & Privacy" });
  const entry = security.getByRole("link", { name: link, exact: true });
  await entry.scrollIntoViewIfNeeded();
  await expect(entry).toBeVisible();
  if (accountScreenshot) await screenshot(page, accountScreenshot);
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
}

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}

test("Download your data saves the account's data as usher-data-<day>.json, with no password or digest in it", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await openFromAccount(page, account, "Download your data", "/account/data", "account-with-your-data-rows");
  const main = page.getByRole("main");
  await expect(main).toContainText("Viewing history");
  await expect(main).toContainText("never holds your password");
  await checkPage(page, "download-your-data");

  const downloading = page.waitForEvent("download");
  await main.getByRole("button", { name: "Download your data", exact: true }).click();
  const download = await downloading;
  const name = download.suggestedFilename();
  expect(name).toMatch(/^usher-data-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole("status").filter({ hasText: `Your data was saved as ${name}` })).toBeVisible();
  await screenshot(page, "download-your-data-done");

  const text = await readFile(await download.path(), "utf8");
  const data = JSON.parse(text) as {
    exportedAt: string;
    account: { email: string };
    profiles: { name: string }[];
    activity: { type: string }[];
  };
  expect(name).toBe(`usher-data-${data.exportedAt.slice(0, 10)}.json`);
  expect(data.account.email).toBe(account.email);
  expect(data.profiles.map((profile) => profile.name)).toContain(account.profileName);
  // The copy lists its own download.
  expect(data.activity.map((event) => event.type)).toContain("data_exported");
  // No secret and no digest of one: not as a field, not as a value.
  expect(keysOf(data).filter((key) => /^password$|hash|secret|token|digest/i.test(key))).toEqual([]);
  expect(text).not.toContain(account.password);
  expect(text).not.toMatch(/\$argon2/);

  // The owner's activity says it was downloaded.
  await page
    .getByRole("main")
    .getByRole("link", { name: /^\W*Account$/ })
    .click();
  await menuEntry(page, "Account activity").click();
  await expect(page.getByRole("list", { name: /Account activity/ })).toContainText("Copy of your data downloaded");
});

test("Delete account, once confirmed, signs out every tab and the old email and password no longer sign in", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await openFromAccount(page, account, "Delete account", "/account/delete");
  const main = page.getByRole("main");
  await expect(main).toContainText(account.email);
  await expect(main).toContainText(`Every profile (${account.profileName}) and its viewing history`);
  await expect(main).toContainText("can't be undone");
  await expect(main.getByRole("link", { name: "Download your data" })).toHaveAttribute("href", "/account/data");
  await checkPage(page, "delete-account");

  // Not without the box ticked: said at the box, which gets the keyboard.
  const understood = main.getByRole("checkbox", { name: "I understand that deleting my account can't be undone" });
  const remove = main.getByRole("button", { name: "Delete account", exact: true });
  await remove.click();
  await expect(main.getByText("Tick the box to confirm that you understand.")).toBeVisible();
  await expect(understood).toBeFocused();
  await understood.check();
  await expect(main.getByText("Tick the box to confirm that you understand.")).toHaveCount(0);

  // Another tab of this browser, left open: it hears of the deletion by itself.
  const otherTab = await page.context().newPage();
  const listening = otherTab.waitForResponse((response) => response.url().endsWith("/api/v1/sessions/events"));
  await otherTab.goto("/browse");
  expect((await listening).status()).toBe(200);

  const deletedAt = new Date();
  await remove.click();
  await expectSignedOut(page, /^Your account was deleted\. A confirmation email is on its way\.$/);
  await screenshot(page, "sign-in-after-delete-account");
  await expectSignedOut(otherTab, /signed out|deleted/i);
  await otherTab.close();

  const farewell = await readEmail(page.request, account.email, "account_deleted", deletedAt);
  expect(farewell.subject).toBe("Your Usher account was deleted");

  // The old email and password are no account any more.
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(englishApi.INVALID_CREDENTIALS);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("Signing in to a locked account says it is locked and to contact Usher support", async ({ page }, testInfo) => {
  // Support locks it with the CLI while the server runs: a server of this test's own, on PostgreSQL.
  const server = await startPostgresServer();
  try {
    const account = newAccount(testInfo);
    const signedUp = await page.request.post(`${server.url}/api/v1/auth/sign-up`, {
      data: { email: account.email, password: account.password, client: { kind: "mobile" } },
    });
    expect(signedUp.status()).toBe(201);
    await server.usher("accounts", "lock", account.email, "--reason", "Reported stolen", "--operator", "e2e");

    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign In", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Your account is locked");
    await expect(alert).toContainText("Contact Usher support to find out why and to unlock it.");
    await expect(page).toHaveURL(/\/sign-in$/);
    await checkPage(page, "sign-in-account-locked");

    // A wrong password is told nothing of the lock.
    await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign In", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(englishApi.INVALID_CREDENTIALS);
  } finally {
    await server.stop();
  }
});
