// TV sign-in by code (RFC 8628): the TV simulator in one browser, the viewer's phone in a
// phone-sized one. Approve signs the TV in; the TV is then driven by the arrow keys and Enter;
// signing it out from Manage access and devices sends it back to its code screen on its own.
// Deny, from a phone that had to sign in first, gives the TV a fresh code.
import type { Page } from "@playwright/test";
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { otherDevice } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

/** The test sets up its own TV (desktop-sized) and phone, so it runs once, in the desktop project. */
const ONCE = "the TV and the phone are sized by the test itself";

const TV_POLL_MS = 15_000;

async function codeOnTv(tv: Page): Promise<string> {
  const code = tv.getByTestId("tv-user-code");
  await expect(code).toHaveText(/^[B-Z]{4}-[B-Z]{4}$/, { timeout: 10_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText(), not the DOM property: the code as the TV shows it.
  return (await code.innerText()).trim();
}

test("a TV signs in with a code approved on a phone, is driven by the remote, and is signed out from the phone", async ({
  page: tv,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const phone = await otherDevice(browser, "phone");
  try {
    await signUp(phone.page, account);
    await chooseProfile(phone.page, account.profileName);

    await tv.goto("/tv/simulator");
    await expect(tv.getByRole("heading", { name: "Sign in to Usher" })).toBeVisible();
    const code = await codeOnTv(tv);
    await expect(tv.getByRole("img", { name: /QR code/ })).toBeVisible();
    await checkPage(tv, "tv-simulator-code");

    // On the phone: type the code the TV shows.
    await phone.page.goto("/tv");
    await phone.page.getByLabel("Code").fill(code.toLowerCase().replace("-", ""));
    await phone.page.getByRole("button", { name: "Continue" }).click();
    await expect(phone.page.getByText(/Living-room TV/).first()).toBeVisible();
    await expect(phone.page.getByText(code)).toBeVisible();
    await phone.page.getByRole("radio", { name: account.profileName }).check();
    await checkPage(phone.page, "tv-approve-decide");
    await phone.page.getByRole("button", { name: "Approve" }).click();
    await expect(phone.page.getByRole("status").filter({ hasText: "is signed in" })).toBeVisible();

    // The TV's next poll signs it in, straight into the profile approved on the phone; then the remote.
    await expect(tv.getByText(`Hi, ${account.profileName}`)).toBeVisible({ timeout: TV_POLL_MS });
    await expect(tv.getByRole("button", { name: /Switch profile/ })).toBeFocused();
    await tv.keyboard.press("Enter");
    await expect(tv.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
    await expect(tv.getByRole("button", { name: account.profileName })).toBeFocused();
    await checkPage(tv, "tv-simulator-profiles");
    await tv.keyboard.press("Enter");
    await expect(tv.getByText(`Hi, ${account.profileName}`)).toBeVisible();
    await expect(tv.getByRole("button", { name: /Switch profile/ })).toBeFocused();
    // A featured title across the screen, the first stop down from the profile.
    const featured = tv.getByRole("region", { name: "Featured" }).getByRole("button");
    await expect(featured).toBeVisible();
    await tv.keyboard.press("ArrowDown");
    await expect(featured).toBeFocused();
    await tv.keyboard.press("ArrowDown");
    await tv.keyboard.press("ArrowRight");
    const focusedTitle = await tv.locator(":focus").getAttribute("aria-label");
    expect(focusedTitle).toBeTruthy();
    await tv.keyboard.press("Enter");
    await expect(tv.locator(".tv-home__now")).toContainText(focusedTitle!);
    await screenshot(tv, "tv-simulator-home");

    // On the phone: the TV is in Manage access and devices, with a TV icon; sign it out there.
    await phone.page.goto("/account/devices");
    const tvRow = phone.page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem").filter({ hasText: "Living-room TV" });
    await expect(tvRow).toHaveCount(1);
    await expect(tvRow.locator('svg[data-kind="tv"]')).toHaveCount(1);
    await tvRow.getByRole("button", { name: /^Sign out/ }).click();
    await phone.page.getByRole("dialog").getByRole("button", { name: "Sign out", exact: true }).click();

    // The TV goes back to its code screen on its own, with a new code.
    await expect(tv.getByText("This TV was signed out.")).toBeVisible({ timeout: 5_000 });
    expect(await codeOnTv(tv)).not.toBe(code);
    await screenshot(tv, "tv-simulator-signed-out");
  } finally {
    await phone.context.close();
  }
});

test("a phone that opens the TV's QR link signs in first, comes back, and denies the TV", async ({ page: tv, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", ONCE);
  const account = newAccount(testInfo);
  const setup = await otherDevice(browser, "desktop");
  await signUp(setup.page, account);
  await setup.context.close();

  await tv.goto("/tv/simulator");
  const code = await codeOnTv(tv);

  const phone = await otherDevice(browser, "phone");
  try {
    // The QR code's link: /tv with the code filled in. Not signed in here yet.
    await phone.page.goto(`/tv?code=${code}`);
    await expect(phone.page).toHaveURL(/\/sign-in\?/);
    await expect(phone.page.getByRole("status").filter({ hasText: "finish signing in on your TV" })).toBeVisible();
    await phone.page.getByLabel("Email", { exact: true }).fill(account.email);
    await phone.page.getByLabel("Password", { exact: true }).fill(account.password);
    await phone.page.getByRole("button", { name: "Sign In", exact: true }).click();

    await expect(phone.page).toHaveURL(new RegExp(`/tv\\?code=${code}`));
    await expect(phone.page.getByText(code)).toBeVisible();
    await phone.page.getByRole("button", { name: "Deny" }).click();
    await expect(phone.page.getByRole("status").filter({ hasText: "Sign-in denied" })).toBeVisible();

    await expect(tv.getByText("Sign-in was denied on the other device.")).toBeVisible({ timeout: TV_POLL_MS });
    expect(await codeOnTv(tv)).not.toBe(code);
  } finally {
    await phone.context.close();
  }
});
