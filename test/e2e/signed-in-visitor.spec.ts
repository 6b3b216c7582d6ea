// A browser that is signed in never sees the signed-out pages again: the landing page, Sign In
// and Sign Up send it on to Who's watching?, or to the chosen profile's home, or to the page
// that asked it to sign in (the TV's, Secure your account). Signed out, they are there as
// before, with the sign-in page's notice. The catalogue is said to be made up once, in the
// footer, not on the home page or in More info.

import { chooseProfile, expectSignedOut, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { signOutHere } from "./support/layout";
import { checkPage } from "./support/pages";

const MADE_UP = /made up|made-up|demo catalogue/i;

test("a signed-in browser opening the landing page, Sign In or Sign Up goes on to its profiles or its profile's home", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const whoIsWatching = page.getByRole("heading", { name: "Who's watching?" });
  const home = page.getByRole("heading", { name: `Hi, ${account.profileName}` });

  // No profile chosen on this browser yet: Who's watching?.
  for (const path of ["/", "/sign-in", "/sign-up", "/sign-in?reason=signed-out"]) {
    await page.goto(path);
    await expect(page, `${path} while signed in`).toHaveURL(/\/profiles$/);
    await expect(whoIsWatching).toBeVisible();
  }

  // A profile chosen here: its home.
  await chooseProfile(page, account.profileName);
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expect(page, `${path} while watching`).toHaveURL(/\/browse$/);
    await expect(home).toBeVisible();
  }

  // A page that sent the visitor to sign in is where a signed-in one goes straight away.
  await page.goto("/sign-in?reason=sign-in-for-tv&next=%2Ftv");
  await expect(page).toHaveURL(/\/tv$/);
  await expect(page.getByRole("heading", { name: "Sign in on your TV" })).toBeVisible();
  await page.goto("/sign-in?reason=sign-in-to-secure&next=%2Fsecure-account");
  await expect(page).toHaveURL(/\/secure-account$/);
  await expect(page.getByRole("heading", { name: "Secure your account" })).toBeVisible();

  // The footer says the catalogue is made up; the home page and More info don't.
  await page.goto("/browse");
  await expect(home).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText(MADE_UP);
  await expect(page.getByRole("main")).not.toContainText(MADE_UP);
  await page.getByRole("button", { name: "More info" }).first().click();
  const details = page.getByRole("dialog");
  await expect(details.getByRole("link", { name: "Play" })).toBeVisible();
  await expect(details).not.toContainText(MADE_UP);
  await details.getByRole("button", { name: "Close" }).click();
  await checkPage(page, "profile-home-footer");

  // Signed out, the same pages are the signed-out ones again, with the sign-in page's notice.
  await signOutHere(page);
  await expectSignedOut(page, /you've signed out/i);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Everyone in, nobody left signed in." })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText(MADE_UP);
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Sign Up" })).toBeVisible();
  await page.goto("/sign-in?reason=sign-in-for-tv&next=%2Ftv");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("finish signing in on your TV");
});
