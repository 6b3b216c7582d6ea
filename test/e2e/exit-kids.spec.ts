// Exit Kids: watching as a Kids profile, the one way to another profile is Exit Kids, which
// leads to Who's watching?. There a locked profile asks for its PIN, as always; an unlocked one
// asks for the account password, since the household locks a profile (a child must not walk
// out of Kids with a tap). A wrong password is said in the dialog; the right one opens the profile.
import type { Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, openProfileMenu } from "./support/layout";
import { checkPage } from "./support/pages";

const PIN = "5812";

/** Through the API, as this browser: Robin (Kids), Sam (unlocked), and the parent's profile locked with PIN. */
async function household(page: Page, account: TestAccount, baseURL: string): Promise<void> {
  const headers = { origin: baseURL };
  for (const profile of [{ name: "Robin", isKids: true }, { name: "Sam" }]) {
    expect((await page.request.post("/api/v1/profiles", { data: profile, headers })).status()).toBe(201);
  }
  const { profiles } = (await (await page.request.get("/api/v1/profiles")).json()) as { profiles: { id: string; name: string }[] };
  const parent = profiles.find((profile) => profile.name === account.profileName)!;
  const locked = await page.request.put(`/api/v1/profiles/${parent.id}/pin`, {
    data: { pin: PIN, currentPassword: account.password },
    headers,
  });
  expect(locked.status()).toBe(200);
}

function pickerButton(page: Page, name: string) {
  return page.getByRole("main").getByRole("button", { name: new RegExp(`^${name}\\b`) });
}

/** Exit Kids the way each layout offers it: the profile menu, or My Usher on a phone. */
async function exitKids(page: Page): Promise<void> {
  if (isPhoneLayout(page)) {
    await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
    await page.getByRole("main").getByRole("link", { name: "Exit Kids", exact: true }).click();
  } else {
    const menu = await openProfileMenu(page);
    await menu.getByRole("menuitem", { name: "Exit Kids", exact: true }).click();
  }
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
}

test("Exit Kids leads to Who's watching?, where a locked profile asks for its PIN and an unlocked one for the account password", async ({
  page,
  baseURL,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await household(page, account, baseURL!);
  await page.reload();
  await pickerButton(page, "Robin").click();
  await expect(page.getByRole("heading", { name: "Hi, Robin" })).toBeVisible();

  await exitKids(page);

  // The parent's locked profile: its PIN, as ever (then Cancel, to try Sam).
  await pickerButton(page, account.profileName).click();
  const pinDialog = page.getByRole("dialog", { name: `${account.profileName} is locked` });
  await expect(pinDialog.getByLabel("PIN", { exact: true })).toBeFocused();
  await pinDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(pinDialog).toBeHidden();

  // Sam is unlocked, but a profile of the account is locked: the account password.
  await pickerButton(page, "Sam").click();
  const passwordDialog = page.getByRole("dialog", { name: "Leave the Kids profile" });
  await expect(passwordDialog).toContainText("Enter the account password to open Sam.");
  const password = passwordDialog.getByLabel("Account password", { exact: true });
  await expect(password).toBeFocused();
  await checkPage(page, "exit-kids-password");

  await password.fill(`${account.password}-not`);
  await passwordDialog.getByRole("button", { name: "Open profile" }).click();
  await expect(passwordDialog).toContainText("Your current password is incorrect.");
  await expect(password).toHaveValue("");
  await expect(page).toHaveURL(/\/profiles$/);

  await password.fill(account.password);
  await passwordDialog.getByRole("button", { name: "Open profile" }).click();
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByRole("heading", { name: "Hi, Sam" })).toBeVisible();
  await expect(passwordDialog).toBeHidden();
});
