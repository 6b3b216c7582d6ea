// A Kids profile is not a way into the account: watching as Kids, the menus offer no Account,
// no Manage profiles and no other profile, only Exit Kids; an account page opened by its address
// says it isn't available (with Exit Kids as the way out), and the API refuses with KIDS_PROFILE.
// Exit Kids to a parent's locked profile asks for its PIN; as the parent, removing that lock
// still asks for the password, though this browser signed up (and so signed in) a moment ago.
import type { Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, openMyUsherMenu, openProfileMenu } from "./support/layout";
import { checkPage } from "./support/pages";

const PIN = "3907";

/** Through the API, as this browser: a Kids profile, and the parent's (main) profile locked. */
async function kidsAndLockedParent(page: Page, account: TestAccount, baseURL: string): Promise<void> {
  const headers = { origin: baseURL };
  expect((await page.request.post("/api/v1/profiles", { data: { name: "Robin", isKids: true }, headers })).status()).toBe(201);
  const { profiles } = (await (await page.request.get("/api/v1/profiles")).json()) as { profiles: { id: string; name: string }[] };
  const parent = profiles.find((profile) => profile.name === account.profileName)!;
  const locked = await page.request.put(`/api/v1/profiles/${parent.id}/pin`, {
    data: { pin: PIN, currentPassword: account.password },
    headers,
  });
  expect(locked.status()).toBe(200);
}

/** A title on the browse page: its tile, named by the title, then what it is and its year. */
function titleTile(page: Page, name: string) {
  return page.getByRole("main").getByRole("button", { name: new RegExp(`^${name}\\s*(Series|Film) · `) });
}

function pickerButton(page: Page, name: string) {
  return page.getByRole("main").getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

test("watching as Kids: no way into the account, pages and API closed, the parent's profile behind its PIN, its lock behind the password", async ({
  page,
  baseURL,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await kidsAndLockedParent(page, account, baseURL!);
  await page.reload();
  await pickerButton(page, "Robin").click();
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByRole("heading", { name: "Hi, Robin" })).toBeVisible();
  // The API serves a Kids profile only the titles made for children.
  await expect(titleTile(page, "Backyard Starlight")).toBeVisible();
  await expect(titleTile(page, "The Lantern Keepers")).toHaveCount(0);

  // The menus: Exit Kids and Sign out, neither the other profiles nor anything of the account's.
  if (isPhoneLayout(page)) {
    await openMyUsherMenu(page);
    const menu = page.getByRole("menu", { name: "My Usher" });
    await expect(menu.getByRole("menuitem", { name: "Exit Kids", exact: true })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Sign out", exact: true })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Switch profile" })).toHaveCount(0);
    await expect(page.getByRole("menuitem", { name: "Account" })).toHaveCount(0);
    await expect(page.getByRole("menuitem", { name: "Manage profiles" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    // My Usher itself: Exit Kids where a grown-up's profile says Switch profile, and no other profile's tile.
    await expect(page.getByRole("main").getByRole("link", { name: "Exit Kids", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Switch to another profile" })).toHaveCount(0);
  } else {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toHaveCount(0);
    const menu = await openProfileMenu(page);
    await expect(menu.getByRole("menuitem")).toHaveText(["Exit Kids", "Sign out"]);
    await page.keyboard.press("Escape");
  }

  // Typed addresses: a friendly page, not the account.
  for (const address of ["/account", "/account/plan", "/profiles/manage", "/account/devices", "/tv"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { name: "This page isn't available on a Kids profile" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toHaveCount(0);
  }
  await checkPage(page, "kids-profile-closed");

  // The API says the same, password or not.
  const headers = { origin: baseURL! };
  const account403 = await page.request.get("/api/v1/account");
  expect(account403.status()).toBe(403);
  expect(((await account403.json()) as { error: { code: string } }).error.code).toBe("KIDS_PROFILE");
  const { profiles } = (await (await page.request.get("/api/v1/profiles")).json()) as { profiles: { id: string; name: string }[] };
  const parent = profiles.find((profile) => profile.name === account.profileName)!;
  const unlock = await page.request.post(`/api/v1/profiles/${parent.id}/pin/remove`, {
    data: { currentPassword: account.password },
    headers,
  });
  expect(unlock.status()).toBe(403);
  expect(((await unlock.json()) as { error: { code: string } }).error.code).toBe("KIDS_PROFILE");

  // Exit Kids → the parent's profile asks for its PIN.
  await page.getByRole("main").getByRole("link", { name: "Exit Kids", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Manage profiles" })).toHaveCount(0);
  await pickerButton(page, account.profileName).click();
  const pinDialog = page.getByRole("dialog", { name: `${account.profileName} is locked` });
  await pinDialog.getByLabel("PIN", { exact: true }).fill(PIN);
  await pinDialog.getByRole("button", { name: "Open profile" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await expect(titleTile(page, "The Lantern Keepers")).toBeVisible();

  // As the parent: Manage profiles is back, and removing the lock asks for the password.
  await page.goto("/profiles");
  await page.getByRole("link", { name: "Manage profiles" }).click();
  await page.getByRole("button", { name: `Profile lock for ${account.profileName}`, exact: true }).click();
  await page.getByRole("region", { name: "Profile lock" }).getByRole("button", { name: "Remove lock" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove the lock from ${account.profileName}?` });
  await expect(confirm.getByLabel("Account password", { exact: true })).toBeFocused();
  await confirm.getByLabel("Account password", { exact: true }).fill(account.password);
  await confirm.getByRole("button", { name: "Remove lock" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `The lock on ${account.profileName} was removed.` })).toBeVisible();
});
