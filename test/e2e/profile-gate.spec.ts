// Who's watching? is a full-screen gate, as on the big streaming services: the logo and the
// profiles, no header navigation, no profile menu, no tab bar. Manage profiles is the way to
// the rest, and from there the usual header (or tab bar) is back.
import { newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout } from "./support/layout";
import { checkPage } from "./support/pages";

test("Who's watching? shows the logo and the profiles only", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await expect(page).toHaveURL(/\/profiles$/);

  await expect(page.getByRole("link", { name: "Usher home" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Profile menu/ })).toHaveCount(0);
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button", { name: account.profileName })).toBeVisible();
  await checkPage(page, "who-is-watching-gate");

  await page.getByRole("link", { name: "Manage profiles", exact: true }).click();
  await expect(page).toHaveURL(/\/profiles\/manage$/);
  if (isPhoneLayout(page)) await expect(page.getByRole("navigation", { name: "Tabs" })).toBeVisible();
  else await expect(page.getByRole("button", { name: /^Profile menu/ })).toBeVisible();
});
