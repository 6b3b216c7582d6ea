// Live sign-out: a page left open on Account hears that another device signed the account out
// of all devices, says "You were signed out" and reaches Sign In on its own, within a second.

import { chooseProfile, expectSignedOut, newAccount, signInAndChoose, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount, otherDevice } from "./support/layout";
import { screenshot } from "./support/pages";

test("a page left open on Account is signed out live when another device signs out of all devices", async ({ page, browser }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  await openAccount(page);
  await page.waitForLoadState("networkidle");

  const other = await otherDevice(browser, "desktop");
  try {
    await signInAndChoose(other.page, account);
    await openAccount(other.page);
    await menuEntry(other.page, "Sign out of all devices").click();
    const dialog = other.page.getByRole("dialog");
    await expect(dialog).toBeVisible();

    // Both watched from now on, by the page itself (no polling delay in the measurement).
    const notice = page.getByRole("alert").filter({ hasText: "You were signed out" });
    const noticeShown = notice.waitFor({ state: "visible", timeout: 10_000 }).then(() => Date.now());
    const onSignIn = page.waitForURL(/\/sign-in\?reason=signed-out-everywhere/, { timeout: 10_000 }).then(() => Date.now());
    const answered = other.page.waitForResponse((response) => response.url().endsWith("/api/v1/sessions/sign-out-all"));

    await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
    expect((await answered).status()).toBe(200);
    const answeredAt = Date.now();

    const noticeDelayMs = (await noticeShown) - answeredAt;
    const signInDelayMs = (await onSignIn) - answeredAt;
    console.log(
      `live sign-out (${testInfo.project.name}): notice ${Math.max(0, noticeDelayMs)} ms, sign-in page ${signInDelayMs} ms after the sign-out answered`,
    );
    expect(noticeDelayMs).toBeLessThanOrEqual(2_000);
    expect(signInDelayMs).toBeLessThanOrEqual(2_000);

    await expectSignedOut(page, /signed out of all devices, including this one/i);
    await screenshot(page, "sign-in-after-live-sign-out");
  } finally {
    await other.context.close();
  }
});
