// Watching on the TV simulator: a title chosen with the remote plays full screen (a moving
// picture, a progress bar, OK pauses and resumes, heartbeats keep the screen); signing out of
// all devices from a phone stops it and sends the TV back to its code screen at once; Stop
// watching from the phone stops it too, and the TV says why. With every screen of the plan in
// use, the TV says where the account is watching instead. A title blocked by parental controls
// stops, and is refused when played again. On a Kids profile the remote's way out is Exit Kids,
// which asks for the account password when the account wants it.
import type { Page } from "@playwright/test";
import { chooseProfile, newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount, otherDevice } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

/** The test sets up its own TV (desktop-sized) and phone, so it runs once, in the desktop project. */
const ONCE = "the TV and the phone are sized by the test itself";

const TV_POLL_MS = 15_000;
const TV_NAME = "Living-room TV";

/** The TV shows a code, the phone (signed in) approves it, the TV opens the profile's home. */
async function signInTv(tv: Page, phone: Page, account: TestAccount): Promise<void> {
  await tv.goto("/tv/simulator");
  const shown = tv.getByTestId("tv-user-code");
  await expect(shown).toHaveText(/^[B-Z]{4}-[B-Z]{4}$/);
  const code = (await shown.textContent())?.trim() ?? "";

  await phone.goto(`/tv?code=${code}`);
  await phone.getByRole("radio", { name: account.profileName }).check();
  await phone.getByRole("button", { name: "Approve" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "is signed in" })).toBeVisible();

  await expect(tv.getByText(`Hi, ${account.profileName}`)).toBeVisible({ timeout: TV_POLL_MS });
}

/** The TV's row in Manage access and devices. */
function tvRow(page: Page) {
  return page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem").filter({ hasText: TV_NAME });
}

/** A request from the phone's own page, with its cookie and origin, as its pages send them. */
async function fromPhone(phone: Page, method: "POST" | "PUT" | "PATCH", path: string, data: unknown): Promise<number> {
  const answer = await phone.request.fetch(path, { method, data, headers: { origin: new URL(phone.url()).origin } });
  return answer.status();
}

/** The id of the account's profile named `name`, as the phone sees it. */
async function profileId(phone: Page, name: string): Promise<string> {
  const { profiles } = (await (await phone.request.get("/api/v1/profiles")).json()) as { profiles: { id: string; name: string }[] };
  return profiles.find((profile) => profile.name === name)!.id;
}

/** With the remote: down to the first title, OK, then OK on Play. Answers the title's name. */
async function playFirstTitle(tv: Page): Promise<string> {
  await tv.keyboard.press("ArrowDown");
  const title = (await tv.locator(":focus").getAttribute("aria-label")) ?? "";
  expect(title).not.toBe("");
  await tv.keyboard.press("Enter");
  await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
  await tv.keyboard.press("Enter");
  return title;
}

test("a TV plays a title with the remote and goes back to its code screen when the phone signs out of all devices", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);
    await signInTv(tv, phone.page, account);

    const started = tv.waitForResponse((response) => response.url().endsWith("/api/v1/streams") && response.request().method() === "POST");
    const title = await playFirstTitle(tv);
    expect((await started).status()).toBe(201);

    // The player, full screen: the picture moving, the progress bar, Pause focused.
    const player = tv.getByRole("region", { name: `Playing ${title}` });
    await expect(player).toBeVisible();
    await expect(player.getByRole("img", { name: title })).toHaveAttribute("data-paused", "false");
    await expect(player.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await expect(player.getByRole("button", { name: "Pause" })).toBeFocused();

    // The account sees the TV watching it, in Manage access and devices.
    await phone.page.goto("/account/devices");
    await expect(tvRow(phone.page)).toContainText("Watching now");
    await expect(tvRow(phone.page)).toContainText(title);

    // OK pauses (the picture holds still), OK again plays on.
    await tv.keyboard.press("Enter");
    await expect(player.getByRole("button", { name: "Play" })).toBeFocused();
    await expect(player.getByRole("img", { name: title })).toHaveAttribute("data-paused", "true");
    await tv.keyboard.press("Enter");
    await expect(player.getByRole("img", { name: title })).toHaveAttribute("data-paused", "false");
    await checkPage(tv, "tv-simulator-player");

    // Back stops the stream and returns to the titles, the remote on Play; Play starts it again.
    const stopped = tv.waitForResponse(
      (response) => /\/api\/v1\/streams\/[\w-]+$/.test(response.url()) && response.request().method() === "DELETE",
    );
    await tv.keyboard.press("Escape");
    expect((await stopped).status()).toBe(204);
    await expect(player).toHaveCount(0);
    await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
    const again = tv.waitForResponse((response) => response.url().endsWith("/api/v1/streams") && response.request().method() === "POST");
    await tv.keyboard.press("Enter");
    expect((await again).status()).toBe(201);
    await expect(player).toBeVisible();

    // On the phone: Account → Sign out of all devices.
    await openAccount(phone.page);
    await menuEntry(phone.page, "Sign out of all devices").click();
    const dialog = phone.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const answered = phone.page.waitForResponse((response) => response.url().endsWith("/api/v1/sessions/sign-out-all"));
    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    expect((await answered).status()).toBe(200);

    // The TV stops at once and is back on its code screen, with a new code.
    await expect(player).toHaveCount(0, { timeout: 2_000 });
    await expect(tv.getByText("This TV was signed out.")).toBeVisible({ timeout: 2_000 });
    await expect(tv.getByTestId("tv-user-code")).toHaveText(/^[B-Z]{4}-[B-Z]{4}$/);
    await screenshot(tv, "tv-simulator-signed-out-while-playing");
  } finally {
    await phone.context.close();
  }
});

test("with every screen of the plan in use, the TV says where the account is watching, and Back returns to the titles", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);

    // Basic: one screen, which the phone takes.
    expect(await fromPhone(phone.page, "PUT", "/api/v1/account/plan", { plan: "basic" })).toBe(200);
    const titles = (await (await phone.page.request.get("/api/v1/titles")).json()) as { titles: { id: string; name: string }[] };
    const onPhone = titles.titles.at(-1)!;
    expect(await fromPhone(phone.page, "POST", "/api/v1/streams", { titleId: onPhone.id })).toBe(201);

    await signInTv(tv, phone.page, account);
    const title = await playFirstTitle(tv);

    const refusal = tv
      .getByRole("alert")
      .filter({ has: tv.getByRole("heading", { name: "Too many people are using your account right now" }) });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole("list", { name: "Watching now" }).getByRole("listitem")).toHaveText([
      new RegExp(`${account.profileName} is watching ${onPhone.name} on `),
    ]);
    await expect(refusal).toContainText("Manage access and devices");
    await expect(refusal.getByRole("button", { name: "Back" })).toBeFocused();
    await expect(tv.getByRole("region", { name: /^Playing/ })).toHaveCount(0);
    await checkPage(tv, "tv-simulator-too-many-streams");

    // Back: the titles again, the remote on the same title's Play.
    await tv.keyboard.press("Escape");
    await expect(refusal).toHaveCount(0);
    await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
  } finally {
    await phone.context.close();
  }
});

test("a stream stopped from the phone's Manage access and devices stops the TV's player at once, and the TV says why", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);
    await signInTv(tv, phone.page, account);
    const title = await playFirstTitle(tv);
    const player = tv.getByRole("region", { name: `Playing ${title}` });
    await expect(player).toBeVisible();

    await phone.page.goto("/account/devices");
    await expect(tvRow(phone.page)).toContainText(title);
    await tvRow(phone.page)
      .getByRole("button", { name: `Stop watching on ${TV_NAME}` })
      .click();
    await phone.page.getByRole("dialog").getByRole("button", { name: "Stop watching", exact: true }).click();
    await expect(phone.page.getByRole("status").filter({ hasText: `Stopped watching on ${TV_NAME}.` })).toBeVisible();

    // Heard live, long before the next heartbeat (every 30 s).
    const ended = tv.getByRole("alert").filter({ has: tv.getByRole("heading", { name: `${title} stopped playing` }) });
    await expect(ended).toBeVisible({ timeout: 5_000 });
    await expect(player).toHaveCount(0);
    await expect(ended).toContainText("Someone stopped it from another device");
    await expect(ended.getByRole("button", { name: "Back" })).toBeFocused();
    await screenshot(tv, "tv-simulator-stream-stopped");

    // Still signed in: Back returns to the titles.
    await tv.keyboard.press("Escape");
    await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
  } finally {
    await phone.context.close();
  }
});

test("a title blocked by parental controls stops on the TV, saying why, and is refused when played again", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);
    await signInTv(tv, phone.page, account);
    const title = await playFirstTitle(tv);
    await expect(tv.getByRole("region", { name: `Playing ${title}` })).toBeVisible();

    // From the phone, Profile & Parental Controls block the title on the profile the TV watches as.
    const { titles } = (await (await phone.page.request.get("/api/v1/titles")).json()) as { titles: { id: string; name: string }[] };
    const blocked = titles.find((candidate) => candidate.name === title)!;
    const alex = await profileId(phone.page, account.profileName);
    const change = { currentPassword: account.password, restrictedTitleIds: [blocked.id] };
    expect(await fromPhone(phone.page, "PATCH", `/api/v1/profiles/${alex}/parental-controls`, change)).toBe(200);

    const ended = tv.getByRole("alert").filter({ has: tv.getByRole("heading", { name: `${title} stopped playing` }) });
    await expect(ended).toBeVisible({ timeout: 5_000 });
    await expect(ended).toContainText("This title was blocked on this profile by its parental controls.");
    await expect(ended.getByRole("button", { name: "Play again" })).toHaveCount(0);
    await expect(ended.getByRole("button", { name: "Back" })).toBeFocused();

    // Back, then Play on the same title (still on the screen): refused, and said so.
    await tv.keyboard.press("Escape");
    await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
    await tv.keyboard.press("Enter");
    const refused = tv.getByRole("alert").filter({ has: tv.getByRole("heading", { name: "This title isn't available on this profile" }) });
    await expect(refused).toBeVisible();
    await expect(refused.getByRole("button", { name: "Back" })).toBeFocused();
    await expect(tv.getByRole("region", { name: /^Playing/ })).toHaveCount(0);
    await checkPage(tv, "tv-simulator-title-restricted");
    await tv.keyboard.press("Escape");
    await expect(tv.getByRole("button", { name: `Play ${title}` })).toBeFocused();
  } finally {
    await phone.context.close();
  }
});

test("on a Kids profile the TV offers Exit Kids, and opening another profile asks for the account password with the remote", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);
    expect(await fromPhone(phone.page, "POST", "/api/v1/profiles", { name: "Robin", isKids: true })).toBe(201);
    // No profile is locked: the account asks for the password itself (Profile & Parental Controls).
    const robin = await profileId(phone.page, "Robin");
    const asking = { currentPassword: account.password, askPasswordToExitKids: true };
    expect(await fromPhone(phone.page, "PATCH", `/api/v1/profiles/${robin}/parental-controls`, asking)).toBe(200);
    await signInTv(tv, phone.page, account);

    // Switch profile (the remote starts on it) → Robin, opened at once: a grown-up may go into Kids.
    await expect(tv.getByRole("button", { name: "Switch profile" })).toBeFocused();
    await tv.keyboard.press("Enter");
    await expect(tv.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
    await tv.keyboard.press("ArrowRight");
    await expect(tv.getByRole("button", { name: /^Robin/ })).toBeFocused();
    await tv.keyboard.press("Enter");
    await expect(tv.getByText("Hi, Robin")).toBeVisible();

    // Exit Kids, where Switch profile was: reached with the arrows, pressed with OK.
    const exitKids = tv.getByRole("button", { name: "Exit Kids" });
    await expect(exitKids).toBeFocused();
    await expect(tv.getByRole("button", { name: "Switch profile" })).toHaveCount(0);
    await tv.keyboard.press("ArrowDown");
    await expect(exitKids).not.toBeFocused();
    await tv.keyboard.press("ArrowUp");
    await expect(exitKids).toBeFocused();
    await tv.keyboard.press("Enter");
    await expect(tv.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

    // Robin (the profile watched now) comes first; Alex is one step right, and asks for the password.
    await tv.keyboard.press("ArrowRight");
    await expect(tv.getByRole("button", { name: new RegExp(`^${account.profileName}`) })).toBeFocused();
    await tv.keyboard.press("Enter");
    await expect(tv.getByRole("heading", { name: "Leave the Kids profile" })).toBeVisible();
    const password = tv.getByLabel(`Enter the account password to open ${account.profileName}`);
    await expect(password).toBeFocused();
    await checkPage(tv, "tv-simulator-exit-kids-password");

    // A wrong password is said there, the field keeping the remote; Back returns to the profiles.
    await tv.keyboard.type(`${account.password}-not`);
    await tv.keyboard.press("Enter");
    await expect(tv.getByText("Your current password is incorrect.")).toBeVisible();
    await expect(password).toBeFocused();
    await tv.keyboard.press("Escape");
    await expect(tv.getByRole("heading", { name: "Who's watching?" })).toBeVisible();

    // Again, with the right one: Alex's home.
    await tv.keyboard.press("ArrowRight");
    await tv.keyboard.press("Enter");
    await expect(password).toBeFocused();
    await tv.keyboard.type(account.password);
    await tv.keyboard.press("Enter");
    await expect(tv.getByText(`Hi, ${account.profileName}`)).toBeVisible();
    await expect(tv.getByRole("button", { name: "Switch profile" })).toBeFocused();
  } finally {
    await phone.context.close();
  }
});
