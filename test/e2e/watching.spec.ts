/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Watching: Play opens the player, which holds one of the plan's screens while it plays or is
// paused. On Basic (1 screen) a second device is told "Too many people are using your account
// right now", with the first listed; Change plan to Premium there lets it play. Whatever ends a
// player's stream from elsewhere (Stop watching from another device, Sign out of all devices)
// stops its picture within a second and says why: heartbeats come every 30 s, so only the live
// events are that quick. A title blocked by parental controls stops the same way, and a title
// the profile may not watch is refused with a page that says so.
import type { Page, TestInfo } from "@playwright/test";
import { chooseProfile, expectSignedOut, newAccount, signInAndChoose, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { isPhoneLayout, menuEntry, openAccount, otherDevice } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";
import { baseURL } from "./support/servers";

const TOO_MANY = "Too many people are using your account right now";
const headers = { origin: baseURL };

/** Home → the featured title's More info → Play. Answers the title's name and its stream's id (or the start's status). */
async function playFeatured(page: Page): Promise<{ name: string; started: Promise<{ status: number; streamId?: string }> }> {
  await page
    .getByRole("navigation", { name: isPhoneLayout(page) ? "Tabs" : "Main" })
    .getByRole("link", { name: "Home" })
    .click();
  await expect(page).toHaveURL(/\/browse$/);
  await page.getByRole("button", { name: "More info" }).click();
  const dialog = page.getByRole("dialog");
  const name = (await dialog.getByRole("heading", { level: 2 }).textContent()) ?? "";
  // Each title says its maturity rating beside what it is.
  await expect(dialog.locator(".title-details__meta")).toContainText(/All ages|7\+|13\+|16\+|18\+/);
  const started = page
    .waitForResponse((response) => response.url().endsWith("/api/v1/streams") && response.request().method() === "POST")
    .then(async (response) => ({ status: response.status(), streamId: response.ok() ? (await response.json()).stream.id : undefined }));
  await dialog.getByRole("link", { name: "Play", exact: true }).click();
  await expect(page).toHaveURL(/\/watch\/[a-z0-9-]+$/);
  return { name, started };
}

async function expectPlaying(page: Page, name: string): Promise<string> {
  const picture = page.getByRole("img", { name: `${name}, playing` });
  await expect(picture).toBeVisible();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return name;
}

/** Profile & Parental Controls, through the API from this browser (a grown-up's profile): the titles blocked on the profile. */
async function blockTitles(page: Page, account: TestAccount, titleIds: string[]): Promise<void> {
  const { profiles } = (await (await page.request.get("/api/v1/profiles")).json()) as { profiles: { id: string; name: string }[] };
  const profile = profiles.find((candidate) => candidate.name === account.profileName)!;
  const changed = await page.request.patch(`/api/v1/profiles/${profile.id}/parental-controls`, {
    data: { currentPassword: account.password, restrictedTitleIds: titleIds },
    headers,
  });
  expect(changed.status()).toBe(200);
}

/** This device's name as the device list shows it. */
async function deviceNameOf(page: Page): Promise<string> {
  const { sessions } = (await (await page.request.get("/api/v1/sessions")).json()) as {
    sessions: { current: boolean; deviceName: string }[];
  };
  return sessions.find((session) => session.current)!.deviceName;
}

/** A new account, signed in here with its profile chosen; on `plan` when one is given. */
async function household(page: Page, testInfo: TestInfo, plan?: "basic" | "premium") {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  if (plan) expect((await page.request.put("/api/v1/account/plan", { data: { plan }, headers })).status()).toBe(200);
  return account;
}

test("on Basic a second device is told too many people are watching and where, and plays once Change plan makes it Premium", async ({
  page,
  browser,
}, testInfo) => {
  const account = await household(page, testInfo, "basic");

  const first = await playFeatured(page);
  expect((await first.started).status).toBe(201);
  const title = await expectPlaying(page, first.name);
  await screenshot(page, "player");
  const deviceA = await deviceNameOf(page);

  const b = await otherDevice(browser, isPhoneLayout(page) ? "phone" : "desktop");
  try {
    await signInAndChoose(b.page, account);
    const refused = await playFeatured(b.page);
    expect((await refused.started).status).toBe(409);
    await expect(b.page.getByRole("heading", { name: TOO_MANY, level: 1 })).toBeVisible();
    const watching = b.page.getByRole("list", { name: "Watching now" }).getByRole("listitem");
    await expect(watching).toHaveCount(1);
    await expect(watching).toContainText(deviceA);
    await expect(watching).toContainText(`${account.profileName} is watching ${title}`);
    await expect(watching).toContainText("Started just now");
    await expect(b.page.getByRole("link", { name: "Manage access and devices" })).toHaveAttribute("href", "/account/devices");
    await checkPage(b.page, "too-many-streams");

    // Try again is refused again while A plays.
    const again = b.page.waitForResponse((response) => response.url().endsWith("/api/v1/streams"));
    await b.page.getByRole("button", { name: "Try again" }).click();
    expect((await again).status()).toBe(409);
    await expect(b.page.getByRole("heading", { name: TOO_MANY })).toBeVisible();

    // Change plan → Premium → B plays beside A.
    await b.page.getByRole("link", { name: "Change plan" }).click();
    await expect(b.page.getByRole("heading", { name: "Change plan", level: 1 })).toBeVisible();
    await b.page.getByRole("radio", { name: /^Premium/ }).check();
    await b.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(b.page).toHaveURL(/\/account$/);
    const second = await playFeatured(b.page);
    expect((await second.started).status).toBe(201);
    await expectPlaying(b.page, second.name);
    await expectPlaying(page, title);
  } finally {
    await b.context.close();
  }
});

test("Sign out of all devices from another device stops the player within a second, saying why, before Sign In", async ({
  page,
  browser,
}, testInfo) => {
  const account = await household(page, testInfo);
  const playing = await playFeatured(page);
  expect((await playing.started).status).toBe(201);
  const title = await expectPlaying(page, playing.name);

  const b = await otherDevice(browser, isPhoneLayout(page) ? "phone" : "desktop");
  try {
    await signInAndChoose(b.page, account);
    await openAccount(b.page);
    await menuEntry(b.page, "Sign out of all devices").click();
    const dialog = b.page.getByRole("dialog");
    await expect(dialog).toBeVisible();

    // Watched from now on by the page itself, which notes the moment its picture stops and why
    // is shown: the player's notice lasts only until Sign In replaces it, too briefly to poll for.
    const stoppedAt = page.evaluate(
      (stoppedLabel) =>
        new Promise<number>((resolve) => {
          const stopped = () =>
            document.querySelector(`[role="img"][aria-label="${stoppedLabel}"]`) !== null &&
            [...document.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent?.includes("This device was signed out"));
          const observer = new MutationObserver(() => {
            if (!stopped()) return;
            observer.disconnect();
            resolve(Date.now());
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }),
      `${title}, stopped`,
    );
    const answered = b.page.waitForResponse((response) => response.url().endsWith("/api/v1/sessions/sign-out-all"));
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    expect((await answered).status()).toBe(200);
    const answeredAt = Date.now();
    const delayMs = (await stoppedAt) - answeredAt;
    console.log(`player stopped by sign out of all devices (${testInfo.project.name}): ${Math.max(0, delayMs)} ms after the answer`);
    expect(delayMs).toBeLessThanOrEqual(1_000);
    await expectSignedOut(page, /signed out of all devices/i);
  } finally {
    await b.context.close();
  }
});

test("a player stopped from another device stops at once, says so, plays again, and frees its screen when left", async ({
  page,
  browser,
}, testInfo) => {
  const account = await household(page, testInfo);
  const playing = await playFeatured(page);
  const { streamId } = await playing.started;
  const title = await expectPlaying(page, playing.name);
  // Pausing keeps the screen (and the page says so).
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("img", { name: `${title}, paused` })).toBeVisible();
  await expect(page.getByText("this screen stays yours while you're away")).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expectPlaying(page, title);

  const b = await otherDevice(browser, isPhoneLayout(page) ? "phone" : "desktop");
  try {
    await signInAndChoose(b.page, account);
    const why = page.getByRole("alert").filter({ hasText: "Playback stopped from another device" });
    const shownAt = why.waitFor({ state: "visible", timeout: 10_000 }).then(() => Date.now());
    const stopped = await b.page.request.delete(`/api/v1/streams/${streamId}`, { headers });
    expect(stopped.status()).toBe(204);
    const stoppedAt = Date.now();
    expect((await shownAt) - stoppedAt).toBeLessThanOrEqual(1_000);
    await expect(page.getByRole("img", { name: `${title}, stopped` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
    await expect(page).toHaveURL(/\/watch\//);
    await checkPage(page, "player-stopped-from-another-device");
  } finally {
    await b.context.close();
  }

  // Play again takes a new screen; Back to browsing gives it back.
  const restarted = page.waitForResponse(
    (response) => response.url().endsWith("/api/v1/streams") && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Play again" }).click();
  const { stream } = (await (await restarted).json()) as { stream: { id: string } };
  await expectPlaying(page, title);
  const freed = page.waitForResponse(
    (response) => response.url().endsWith(`/api/v1/streams/${stream.id}`) && response.request().method() === "DELETE",
  );
  await page.getByRole("link", { name: "Back to browsing" }).first().click();
  await expect(page).toHaveURL(/\/browse$/);
  expect((await freed).status()).toBe(204);
  const heartbeat = await page.request.post(`/api/v1/streams/${stream.id}/heartbeat`, { headers });
  expect(heartbeat.status()).toBe(410);
  expect((await heartbeat.json()).error.reason).toBe("stopped");
});

test("a title blocked by parental controls stops playing at once, saying why, and a blocked title is refused as the player opens", async ({
  page,
}, testInfo) => {
  // The player's ending and refusal are the same screens at both sizes, which the tests above cover.
  test.skip(testInfo.project.name !== "desktop", "the same player at both sizes");
  const account = await household(page, testInfo);
  const playing = await playFeatured(page);
  expect((await playing.started).status).toBe(201);
  const title = await expectPlaying(page, playing.name);
  const titleId = new URL(page.url()).pathname.split("/").at(-1)!;

  // Blocked on this profile while it plays: heard live, said in plain words, no Play again.
  await blockTitles(page, account, [titleId]);
  const why = page
    .getByRole("alert")
    .filter({ hasText: "Playback stopped: this title was blocked on this profile by its parental controls." });
  await expect(why).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole("img", { name: `${title}, stopped` })).toBeVisible();
  await expect(why.getByRole("button", { name: "Play again" })).toHaveCount(0);
  await screenshot(page, "player-blocked-by-parental-controls");

  // Unblocked, the page opens the title again, and it is blocked while the player starts: the
  // start is refused (TITLE_RESTRICTED), and nothing plays.
  await blockTitles(page, account, []);
  await page.route("**/api/v1/streams", async (route) => {
    if (route.request().method() === "POST") await blockTitles(page, account, [titleId]);
    await route.fallback();
  });
  const refused = page.waitForResponse((response) => response.url().endsWith("/api/v1/streams") && response.request().method() === "POST");
  await page.reload();
  expect((await refused).status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This title isn't available on this profile", level: 1 })).toBeVisible();
  await expect(
    page.getByText("Its maturity rating or this profile's parental controls keep it out. Choose something else to watch."),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: `${title}, playing` })).toHaveCount(0);
  await checkPage(page, "player-title-restricted");
  await page.getByRole("link", { name: "Choose something else" }).click();
  await expect(page).toHaveURL(/\/browse$/);
});
