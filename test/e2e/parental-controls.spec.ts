// Profile & Parental Controls: opened from Manage profiles or the Account page, behind the account password alone
// (a wrong one shows nothing of the settings). A profile's maturity rating and its blocked titles
// then keep titles off its browse page, and the player refuses them when opened by address.
import type { Page } from "@playwright/test";
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { openAccount } from "./support/layout";
import { checkPage } from "./support/pages";

/** Through the API, as this browser: a new profile's id. */
async function addProfile(page: Page, baseURL: string, fields: { name: string; isKids: boolean }): Promise<string> {
  const created = await page.request.post("/api/v1/profiles", { data: fields, headers: { origin: baseURL } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { profile: { id: string } }).profile.id;
}

/** Through the API, as this browser: watch as the profile, then open its browse page. */
async function browseAs(page: Page, baseURL: string, profileId: string, name: string): Promise<void> {
  const chosen = await page.request.post(`/api/v1/profiles/${profileId}/choose`, { data: {}, headers: { origin: baseURL } });
  expect(chosen.status()).toBe(200);
  await page.goto("/browse");
  await expect(page.getByRole("heading", { name: `Hi, ${name}` })).toBeVisible();
}

/** A title on the browse page: its tile, named by the title, then what it is and its year. */
function titleTile(page: Page, name: string) {
  return page.getByRole("main").getByRole("button", { name: new RegExp(`^${name}\\s*(Series|Film) · `) });
}

/** A radio of the Maturity rating group by its label ("7+ and below"); the current one is also tagged. */
function ratingRadio(page: Page, label: string) {
  const escaped = label.replace(/[+]/g, "\\+");
  return page.getByRole("group", { name: "Maturity rating" }).getByRole("radio", { name: new RegExp(`^${escaped}`) });
}

async function enterPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("Account password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}

async function expectRestrictedPlayer(page: Page, titleId: string): Promise<void> {
  await page.goto(`/watch/${titleId}`);
  await expect(page.getByText("This title isn't available on this profile")).toBeVisible();
}

test("a Kids profile's controls open with the password only, and its rating and blocked titles keep titles out", async ({
  page,
  baseURL,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const robin = await addProfile(page, baseURL!, { name: "Robin", isKids: true });

  // Manage profiles → Parental controls for Robin.
  await page.getByRole("link", { name: "Manage profiles", exact: true }).click();
  const entry = page.getByTestId(`manage-parental-${robin}`);
  await expect(entry).toHaveAccessibleName("Parental controls for Robin");
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`/profiles/manage/${robin}/parental-controls$`));
  await expect(page.getByRole("heading", { name: "Profile & Parental Controls", level: 1 })).toBeVisible();
  await expect(page.getByText("Enter your account password to see and change Profile & Parental Controls for Robin.")).toBeVisible();

  // A wrong password: said at the field, and nothing of the settings on the page.
  await enterPassword(page, `${account.password}-not-it`);
  await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
  for (const heading of ["Maturity rating", "Title restrictions", "Profile lock", "Exit Kids", "Viewing activity"]) {
    await expect(page.getByRole("heading", { name: heading })).toHaveCount(0);
  }
  await expect(page.getByRole("radio")).toHaveCount(0);

  await enterPassword(page, account.password);
  await expect(page.getByRole("heading", { name: "Maturity rating", level: 2 })).toBeVisible();
  await expect(page.getByText("Profile lock is off: anyone using this account can open Robin.")).toBeVisible();
  await expect(page.getByText("Robin hasn't watched anything yet.")).toBeVisible();
  await expect(page.getByText("No titles are blocked on this profile.")).toBeVisible();
  await checkPage(page, "parental-controls");

  // A Kids profile starts at 7+ and can't go above 13+.
  await expect(ratingRadio(page, "7+ and below")).toBeChecked();
  await expect(ratingRadio(page, "13+ and below")).toBeEnabled();
  await expect(ratingRadio(page, "16+ and below")).toBeDisabled();
  await expect(ratingRadio(page, "18+ and below")).toBeDisabled();
  await expect(page.getByText("Kids profiles can watch up to 13+")).toBeVisible();
  await ratingRadio(page, "All ages").check();
  await page.getByRole("button", { name: "Save rating", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. Robin now sees titles rated for all ages." })).toBeVisible();

  // Title restrictions: found by search, blocked at once; Unblock undoes it.
  const restrictions = page.getByRole("region", { name: "Title restrictions" });
  const search = restrictions.getByLabel("Search for a title to block");
  await search.fill("zzz");
  await expect(restrictions.getByText('No titles match "zzz".')).toBeVisible();
  await search.fill("moon");
  await restrictions.getByRole("button", { name: "Block Moon Bakery", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Blocked Moon Bakery on Robin." })).toBeVisible();
  const blocked = restrictions.getByRole("list", { name: "Blocked on this profile" });
  await blocked.getByRole("button", { name: "Unblock Moon Bakery", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unblocked Moon Bakery on Robin." })).toBeVisible();
  await expect(restrictions.getByText("No titles are blocked on this profile.")).toBeVisible();
  await search.fill("PEBBLE");
  await restrictions.getByRole("button", { name: "Block Captain Pebble", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Blocked Captain Pebble on Robin." })).toBeVisible();
  await expect(blocked.getByRole("button", { name: "Unblock Captain Pebble", exact: true })).toBeVisible();

  // Exit Kids: the account's setting, saved as soon as it is checked.
  await page.getByRole("checkbox", { name: "Ask for the account password to leave a Kids profile" }).check();
  await expect(
    page.getByRole("status").filter({ hasText: "Saved. Leaving a Kids profile now asks for the account password." }),
  ).toBeVisible();

  // As Robin: the blocked title and those above "All" are gone; the player refuses them too.
  await browseAs(page, baseURL!, robin, "Robin");
  await expect(titleTile(page, "Paper Planets").first()).toBeVisible();
  await expect(page.getByRole("main").getByText("Captain Pebble")).toHaveCount(0);
  await expect(page.getByRole("main").getByText("Tide Pool Detectives")).toHaveCount(0);
  await expectRestrictedPlayer(page, "captain-pebble");
});

test("an adult profile set to 7+ from the Account page no longer lists or plays an 18+ title", async ({ page, baseURL }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  // Account → Profile & Parental Controls lists every profile.
  await openAccount(page);
  const section = page.getByRole("region", { name: "Profile & Parental Controls" });
  await section.getByRole("link", { name: `Parental controls for ${account.profileName}`, exact: true }).click();
  await expect(page).toHaveURL(/\/profiles\/manage\/[^/]+\/parental-controls$/);
  const profileId = new URL(page.url()).pathname.split("/")[3]!;

  await enterPassword(page, account.password);
  await expect(ratingRadio(page, "18+ and below")).toBeChecked();
  await expect(page.getByRole("group", { name: "Maturity rating" }).getByRole("radio", { disabled: true })).toHaveCount(0);
  // Exit Kids is a Kids profile's setting.
  await expect(page.getByRole("heading", { name: "Exit Kids" })).toHaveCount(0);
  await ratingRadio(page, "7+ and below").check();
  await page.getByRole("button", { name: "Save rating", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Saved. ${account.profileName} now sees titles rated 7+ and below.` }),
  ).toBeVisible();

  await browseAs(page, baseURL!, profileId, account.profileName);
  await expect(titleTile(page, "Encore Café").first()).toBeVisible();
  await expect(page.getByRole("main").getByText("Orbit of Ash")).toHaveCount(0);
  await expectRestrictedPlayer(page, "orbit-of-ash");
});
