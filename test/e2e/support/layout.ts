// The two layouts' ways to the same places: on a wide screen the profile menu at the top
// right; on a phone-sized one (≤ 480 px) the bottom tab bar's My Usher and its three-line Menu.
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";

export const desktopViewport = { width: 1280, height: 800 };
export const phoneViewport = { width: 390, height: 844 };

export function isPhoneLayout(page: Page): boolean {
  return (page.viewportSize()?.width ?? desktopViewport.width) <= 480;
}

/** Another device: a separate browser context (its own cookies) at the given size. */
export async function otherDevice(browser: Browser, kind: "desktop" | "phone"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: kind === "phone" ? phoneViewport : desktopViewport,
    hasTouch: kind === "phone",
  });
  return { context, page: await context.newPage() };
}

/**
 * Who's watching? is a gate with the logo alone: from it, the way to the menus is Manage
 * profiles, as a member would go.
 */
async function leaveGate(page: Page) {
  if (new URL(page.url()).pathname !== "/profiles") return;
  await page.getByRole("link", { name: "Manage profiles", exact: true }).click();
  await expect(page).toHaveURL(/\/profiles\/manage$/);
}

/** Desktop: the profile icon's menu. */
export async function openProfileMenu(page: Page) {
  await leaveGate(page);
  await page.getByRole("button", { name: /^Profile menu/ }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  return menu;
}

/** Phone: My Usher (bottom tab bar) → Menu (three lines). Returns what the menu opened. */
export async function openMyUsherMenu(page: Page) {
  await leaveGate(page);
  await page.getByRole("navigation", { name: "Tabs" }).getByRole("link", { name: "My Usher" }).click();
  await expect(page).toHaveURL(/\/my-usher/);
  await page.getByRole("button", { name: "Menu", exact: true }).click();
}

/** The item named `name` in whatever menu is open (a link, a button or a menu item). */
export function menuEntry(page: Page, name: string) {
  return page
    .getByRole("menuitem", { name, exact: true })
    .or(page.getByRole("link", { name, exact: true }))
    .or(page.getByRole("button", { name, exact: true }))
    .filter({ visible: true })
    .first();
}

/** To the Account page the way the guides go: profile menu → Account, or My Usher → Menu → Account. */
export async function openAccount(page: Page): Promise<void> {
  if (isPhoneLayout(page)) {
    await openMyUsherMenu(page);
    await menuEntry(page, "Account").click();
  } else {
    const menu = await openProfileMenu(page);
    await menu.getByRole("menuitem", { name: "Account", exact: true }).click();
  }
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
}

/** Sign out of this device: profile menu → Sign out, or My Usher → Menu → Sign out; then the dialog's Sign out. */
export async function signOutHere(page: Page): Promise<void> {
  if (isPhoneLayout(page)) {
    await openMyUsherMenu(page);
    await menuEntry(page, "Sign out").click();
  } else {
    const menu = await openProfileMenu(page);
    await menu.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  }
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
}
