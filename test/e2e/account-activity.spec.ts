// Account activity (Security & Privacy): the sign-in with its device and IP, a failed attempt,
// security changes, newest first; older entries behind Show more.

import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount, otherDevice } from "./support/layout";
import { checkPage } from "./support/pages";

test("Account activity shows the sign-in and a failed attempt, newest first, with Show more", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);

  // A wrong password from another browser.
  const other = await otherDevice(browser, "desktop");
  await other.page.goto("/sign-in");
  await other.page.getByLabel("Email", { exact: true }).fill(account.email);
  await other.page.getByLabel("Password", { exact: true }).fill(`${account.password}-wrong`);
  await other.page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(other.page.getByRole("alert")).toBeVisible();
  await other.context.close();

  await chooseProfile(page, account.profileName);
  await openAccount(page);
  await menuEntry(page, "Account activity").click();
  await expect(page.getByRole("heading", { name: "Account activity" })).toBeVisible();
  const entries = page.getByRole("list", { name: /Account activity/ }).getByRole("listitem");
  await expect(entries.first()).toContainText("Failed sign-in attempt");
  const signedIn = entries.filter({ hasText: /^Signed in/ });
  await expect(signedIn).toHaveCount(1);
  await expect(signedIn).toContainText("Chrome");
  await expect(signedIn).toContainText(/IP (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/);
  // Signing up and its sign-in happen at the same moment: either may be listed first.
  await expect(entries.filter({ hasText: "Account created" })).toHaveCount(1);
  await expect(page.getByText("No older activity.")).toBeVisible();
  await checkPage(page, "account-activity");

  // More than a page of events: profiles added and deleted through the API, as this browser.
  const headers = { origin: baseURL! };
  for (let i = 0; i < 10; i += 1) {
    const created = await page.request.post("/api/v1/profiles", { data: { name: `Guest ${i}` }, headers });
    expect(created.status()).toBe(201);
    const { profile } = (await created.json()) as { profile: { id: string } };
    expect((await page.request.delete(`/api/v1/profiles/${profile.id}`, { headers })).status()).toBe(204);
  }
  await page.reload();
  await expect(entries).toHaveCount(20);
  await expect(entries.first()).toContainText("Profile deleted");
  await page.getByRole("button", { name: "Show more" }).click();
  await expect(entries).toHaveCount(23);
  await expect(entries.filter({ hasText: "Account created" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Show more" })).toBeHidden();
});
