// The profile menu is announced as a menu, so it works like one from the keyboard: Enter opens
// it on its first item, the arrow keys, Home and End move, Escape closes it onto its button. On
// a Kids profile it holds only Exit Kids and Sign out, and works the same.
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("the profile menu works from the keyboard", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "phones reach the same places through My Usher");
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);

  const button = page.getByRole("button", { name: /^Profile menu/ });
  await button.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  const item = (name: string) => menu.getByRole("menuitem", { name, exact: true });
  await expect(item("Manage profiles")).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await expect(item("Account")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("Sign out")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("Manage profiles"), "past the last item, round to the first").toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(item("Sign out")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item("Manage profiles")).toBeFocused();
  await page.keyboard.press("End");
  await expect(item("Sign out")).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  // ↑ on the button opens onto the last item; Enter on an item follows it.
  await page.keyboard.press("ArrowUp");
  await expect(item("Sign out")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(item("Account")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
});

test("on a Kids profile the profile menu holds Exit Kids and Sign out, and works from the keyboard", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "phones reach the same places through My Usher");
  const account = newAccount(testInfo);
  await signUp(page, account);
  const created = await page.request.post("/api/v1/profiles", { data: { name: "Robin", isKids: true }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  await page.reload();
  await chooseProfile(page, "Robin");

  const button = page.getByRole("button", { name: /^Profile menu/ });
  await button.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  const item = (name: string) => menu.getByRole("menuitem", { name, exact: true });
  await expect(menu.getByRole("menuitem")).toHaveText(["Exit Kids", "Sign out"]);
  await expect(item("Exit Kids")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("Sign out")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(item("Exit Kids"), "past the last item, round to the first").toBeFocused();
  await page.keyboard.press("End");
  await expect(item("Sign out")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item("Exit Kids")).toBeFocused();

  // Enter on Exit Kids: Who's watching?.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
});
