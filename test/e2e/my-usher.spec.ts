// My Usher, the phone's account tab, has what a streaming app's has: the other profiles as a
// row of tiles to switch to, and shortcuts to signing in on a TV, the devices, security and the
// account. Sign in on a TV leads to the page that takes the TV's code.
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout } from "./support/layout";
import { checkPage } from "./support/pages";

test("My Usher switches profile and leads to a TV sign-in, the devices, security and the account", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await page.getByRole("link", { name: "Manage profiles", exact: true }).click();
  const add = page.getByRole("region", { name: "Add profile" });
  await add.getByLabel("Name", { exact: true }).fill("Sam");
  await add.getByRole("button", { name: "Add profile", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added Sam." })).toBeVisible();
  await page.getByRole("link", { name: "Done" }).click();
  await chooseProfile(page, account.profileName);

  if (isPhoneLayout(page)) await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
  else await page.goto("/my-usher");
  await expect(page.getByRole("heading", { name: "My Usher" })).toBeVisible();
  const shortcuts = page.getByRole("region", { name: "Shortcuts" });
  for (const [name, path] of [
    ["Sign in on a TV", "/tv"],
    ["Devices", "/account/devices"],
    ["Security", "/secure-account"],
    ["Account", "/account"],
  ] as const) {
    await expect(shortcuts.getByRole("link", { name: new RegExp(`^${name}\\b`) })).toHaveAttribute("href", path);
  }
  await expect(page.getByRole("region", { name: "Switch to another profile" }).getByRole("button", { name: "Sam" })).toBeVisible();
  await checkPage(page, "my-usher-shortcuts");

  await shortcuts.getByRole("link", { name: /^Sign in on a TV/ }).click();
  await expect(page).toHaveURL(/\/tv$/);
  await expect(page.getByRole("heading", { name: "Sign in on your TV" })).toBeVisible();

  await page.goBack();
  await page.getByRole("region", { name: "Switch to another profile" }).getByRole("button", { name: "Sam" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByRole("heading", { name: "Hi, Sam" })).toBeVisible();
});
