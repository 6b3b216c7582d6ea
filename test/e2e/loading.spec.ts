// On a slow connection the app shows at once that it is coming and that a click was heard:
// index.html draws the logo before any script runs, the first page shows the same loading
// screen until its code and data are in, and a navigation waiting on the API shows a bar
// across the top over the page it leaves. Each page's JavaScript stays within a gzip budget,
// and the password strength checker (the heaviest part) loads only once typing starts.
import type { Page, Route } from "@playwright/test";
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout } from "./support/layout";
import { screenshot } from "./support/pages";

/** Holds every API answer back by `ms`, as a slow connection would. */
async function slowApi(page: Page, ms: number) {
  await page.route("**/api/v1/**", async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fallback();
  });
}

test("index.html draws the logo on its own, before any script runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/");
  const loading = page.getByRole("status").filter({ hasText: "Loading Usher…" });
  await expect(loading).toBeVisible();
  await expect(page.locator(".loading-screen__logo")).toBeVisible();
  await screenshot(page, "loading-static-shell");
  await context.close();
});

test("the first page shows the loading screen until its data is in, then the page", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  await slowApi(page, 1_500);
  await page.goto("/account", { waitUntil: "commit" });
  await expect(page.getByRole("status").filter({ hasText: "Loading Usher…" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Loading Usher…" })).toHaveCount(0);
});

test("a navigation waiting on a slow API shows the progress bar over the page it leaves", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  const home = page.getByRole("heading", { name: `Hi, ${account.profileName}` });
  await expect(home).toBeVisible();
  await slowApi(page, 1_500);

  const progress = page.getByRole("progressbar", { name: "Loading the page" });
  await expect(progress).toHaveCount(0);
  if (isPhoneLayout(page)) await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
  else await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(progress).toBeVisible();
  await expect(home, "the page being left stays up meanwhile").toBeVisible();
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}/loading-navigation-progress.png` });

  await expect(page).toHaveURL(isPhoneLayout(page) ? /\/my-usher$/ : /\/account$/, { timeout: 15_000 });
  await expect(progress).toHaveCount(0);
});

test("the password strength checker loads only once a password is typed", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (/strength-estimator/.test(request.url())) asked.push(request.url());
  });
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Sign Up" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked, "nothing of the checker before typing").toEqual([]);

  await page.getByLabel("Password", { exact: true }).pressSequentially("tr0ub4dor&3");
  await expect(page.getByText(/Password strength:/)).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
});

/**
 * Compressed (gzip) JavaScript each page downloads on a first visit, in KB: the shared code
 * (React, the router, the app's components and features) plus the page's own, and the words of
 * the language shown (English here, about 19 KB: every page's words come in one file); each page
 * measured about 5 % below its budget.
 */
const jsBudgetKb: Record<string, number> = {
  "/": 170,
  "/sign-in": 170,
  "/sign-up": 170,
  "/profiles": 170,
  "/browse": 170,
  "/account": 175,
};
/** On a slow link each file costs a round trip, and a browser opens only six at once (the words are one of them). */
const MAX_SCRIPTS = 9;

test("each page's JavaScript stays within its gzip budget, in a few files", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the same files at either size");
  const asFirstVisit = { baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { "accept-encoding": "gzip" } };
  const account = newAccount(testInfo);
  const signingUp = await browser.newContext(asFirstVisit);
  const page = await signingUp.newPage();
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  const signedIn = await signingUp.storageState();
  await signingUp.close();

  const measured: Record<string, number> = {};
  const files: Record<string, number> = {};
  for (const path of Object.keys(jsBudgetKb)) {
    // A fresh context each: an empty cache, as on a first visit. The signed-out pages send a
    // signed-in browser on, so they are measured signed out.
    const signedOut = ["/", "/sign-in", "/sign-up"].includes(path);
    const context = await browser.newContext({ ...asFirstVisit, ...(signedOut ? {} : { storageState: signedIn }) });
    const tab = await context.newPage();
    const scripts: Promise<number>[] = [];
    tab.on("response", (response) => {
      if (!response.url().endsWith(".js")) return;
      scripts.push(
        response
          .request()
          .sizes()
          .then((size) => size.responseBodySize),
      );
    });
    await tab.goto(path);
    await tab.waitForLoadState("networkidle");
    expect(new URL(tab.url()).pathname, "the page itself, not a redirect").toBe(path);
    measured[path] = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0) / 1024;
    files[path] = scripts.length;
    await context.close();
  }
  console.log(
    `JavaScript per page (gzip, KB): ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([p, kb]) => [p, Math.round(kb)])))}`,
  );
  console.log(`Script files per page: ${JSON.stringify(files)}`);
  for (const [path, count] of Object.entries(files)) expect.soft(count, `${path}'s script files`).toBeLessThanOrEqual(MAX_SCRIPTS);
  for (const [path, budget] of Object.entries(jsBudgetKb))
    expect.soft(measured[path], `${path}'s JavaScript (gzip, KB)`).toBeLessThanOrEqual(budget);
});
