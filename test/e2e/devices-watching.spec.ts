// Manage access and devices shows what each device is watching: a TV app (signed in through
// the API with its bearer token, as a TV app is) and this browser each play a title; the TV's
// row says Watching now with the title and the profile; Stop watching ends its stream (its
// next heartbeat is refused as stopped from another device) and leaves it signed in. Recent
// streaming activity then lists both streams, newest first, a page at a time; and this
// browser stops its own.
import { type APIRequestContext, type Page, request as requests } from "@playwright/test";
import { chooseProfile, newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

const TV_NAME = "Living room TV";
/** One more than a page of Recent streaming activity, so that Show more has something to bring. */
const SHORT_STREAMS = 21;

interface Title {
  id: string;
  name: string;
}

/** A TV app on the account: signed in with a bearer token, its profile chosen, as the TV apps do it. */
async function signInTv(account: TestAccount): Promise<APIRequestContext> {
  const baseURL = test.info().project.use.baseURL;
  const signIn = await requests.newContext({ baseURL });
  const answer = await signIn.post("/api/v1/auth/sign-in", {
    data: { email: account.email, password: account.password, client: { kind: "tv", name: TV_NAME } },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const { token, profiles } = (await answer.json()) as { token: string; profiles: { id: string; name: string }[] };
  await signIn.dispose();
  const tv = await requests.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const profile = profiles.find((candidate) => candidate.name === account.profileName);
  const chosen = await tv.post(`/api/v1/profiles/${profile?.id}/choose`, { data: {} });
  expect(chosen.status(), await chosen.text()).toBe(200);
  return tv;
}

/** Starts `title` on a device (the TV's API context, or this browser's own, which carries its cookie). */
async function startWatching(device: APIRequestContext, title: Title, headers: Record<string, string> = {}): Promise<string> {
  const started = await device.post("/api/v1/streams", { data: { titleId: title.id }, headers });
  expect(started.status(), await started.text()).toBe(201);
  return ((await started.json()) as { stream: { id: string } }).stream.id;
}

function deviceRow(page: Page, name: RegExp | string) {
  return page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem").filter({ hasText: name });
}

function thisDevice(page: Page) {
  return page
    .getByRole("list", { name: "Signed-in devices" })
    .getByRole("listitem")
    .filter({ has: page.getByText("This device", { exact: true }) });
}

function streamingActivity(page: Page) {
  return page.getByRole("list", { name: "Recent streaming activity, newest first" }).getByRole("listitem");
}

test("Stop watching ends a TV's stream and keeps it signed in; Recent streaming activity lists it", async ({ page }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);

  // Nothing watched yet: Recent streaming activity says so.
  await page.goto("/account/devices/streaming-activity");
  await expect(page.getByRole("heading", { name: "Recent streaming activity", level: 1 })).toBeVisible();
  await expect(page.getByText("Nothing watched in the last 30 days.")).toBeVisible();

  const titles = ((await (await page.request.get("/api/v1/titles")).json()) as { titles: Title[] }).titles;
  const [onTv, inBrowser] = [titles[0]!, titles[1]!];
  const tv = await signInTv(account);
  try {
    // Earlier evenings on the TV, each stopped by the TV itself: older than a page of activity.
    for (let count = 0; count < SHORT_STREAMS; count += 1) {
      const id = await startWatching(tv, titles[(count % (titles.length - 2)) + 2]!);
      expect((await tv.delete(`/api/v1/streams/${id}`)).status()).toBe(204);
    }
    // Now the TV plays one title and this browser another: the plan (Standard) has two screens.
    const tvStream = await startWatching(tv, onTv);
    await startWatching(page.request, inBrowser, { origin: new URL(page.url()).origin });

    await openAccount(page);
    await menuEntry(page, "Manage access and devices").click();
    await expect(page.getByRole("heading", { name: "Manage access and devices" })).toBeVisible();
    const tvRow = deviceRow(page, TV_NAME);
    await expect(tvRow).toHaveCount(1);
    await expect(tvRow).toContainText("Watching now");
    await expect(tvRow).toContainText(onTv.name);
    await expect(tvRow).toContainText(account.profileName);
    await expect(tvRow).toContainText(/Started (just now|1 minute ago)/);
    // This device is watching too, and says so in its own row.
    await expect(thisDevice(page)).toContainText("Watching now");
    await expect(thisDevice(page)).toContainText(inBrowser.name);
    await expect(thisDevice(page).getByRole("button", { name: "Stop watching on this device" })).toBeVisible();
    await checkPage(page, "devices-watching");

    // Stop watching on the TV, after a confirmation, as Sign out asks for one.
    await tvRow.getByRole("button", { name: `Stop watching on ${TV_NAME}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Stop watching on ${TV_NAME}?` })).toBeVisible();
    await expect(dialog).toContainText(onTv.name);
    await screenshot(page, "devices-stop-watching-confirm");
    await dialog.getByRole("button", { name: "Stop watching", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Stopped watching on ${TV_NAME}.` })).toBeVisible();
    // The TV is still in the list, no longer watching; this device still is.
    await expect(tvRow).toHaveCount(1);
    await expect(tvRow).not.toContainText("Watching now");
    await expect(thisDevice(page)).toContainText("Watching now");

    // The TV's player learns it at its next heartbeat, and the TV is still signed in.
    const heartbeat = await tv.post(`/api/v1/streams/${tvStream}/heartbeat`);
    expect(heartbeat.status()).toBe(410);
    expect(((await heartbeat.json()) as { error: { code: string; reason?: string } }).error).toMatchObject({
      code: "STREAM_ENDED",
      reason: "stopped_from_another_device",
    });
    expect((await tv.get("/api/v1/me")).status(), "stopping a stream is not signing out").toBe(200);

    // Recent streaming activity, from Manage access and devices: newest first.
    await page.getByRole("link", { name: "See recent streaming activity" }).click();
    await expect(page).toHaveURL(/\/account\/devices\/streaming-activity$/);
    await expect(page.getByRole("heading", { name: "Recent streaming activity", level: 1 })).toBeVisible();
    const entries = streamingActivity(page);
    await expect(entries).toHaveCount(20);
    await expect(entries.nth(0)).toContainText(inBrowser.name);
    await expect(entries.nth(0)).toContainText("Watching now");
    await expect(entries.nth(1)).toContainText(onTv.name);
    await expect(entries.nth(1)).toContainText(account.profileName);
    await expect(entries.nth(1)).toContainText(TV_NAME);
    await expect(entries.nth(1)).toContainText("Watched for less than a minute");
    await expect(entries.nth(1)).not.toContainText("Watching now");
    await checkPage(page, "streaming-activity");

    // Show more brings the rest, by the server's cursor, and then there is nothing older.
    await page.getByRole("button", { name: "Show more", exact: true }).click();
    await expect(entries).toHaveCount(SHORT_STREAMS + 2);
    await expect(page.getByRole("button", { name: "Show more" })).toHaveCount(0);
    await expect(page.getByText("Nothing older in the last 30 days.")).toBeVisible();
    await expect(entries.last()).toContainText(titles[2]!.name);

    // Back on Manage access and devices, Stop watching on this device too: it stays signed in here.
    await page.getByRole("link", { name: "Manage access and devices" }).click();
    await thisDevice(page).getByRole("button", { name: "Stop watching on this device" }).click();
    await expect(dialog.getByRole("heading", { name: "Stop watching on this device?" })).toBeVisible();
    await dialog.getByRole("button", { name: "Stop watching", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Stopped watching on this device." })).toBeVisible();
    await expect(page.getByText("Watching now")).toHaveCount(0);
    await expect(page).toHaveURL(/\/account\/devices$/);
  } finally {
    await tv.dispose();
  }
});
