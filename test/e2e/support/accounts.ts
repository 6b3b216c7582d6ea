// Accounts for the browser tests: a fresh one per test, signed up and signed in the way a
// customer does it, through the pages.
import { expect, type Page, type TestInfo } from "@playwright/test";

export interface TestAccount {
  email: string;
  password: string;
  /** The first profile, named from the email ("alex+…" → "Alex"). */
  profileName: string;
}

let counter = 0;

/** A unique email and a strong password (long, random, not on any common-password list). */
export function newAccount(testInfo: TestInfo): TestAccount {
  counter += 1;
  const stamp = `${Date.now().toString(36)}-${testInfo.workerIndex}-${counter}`;
  return {
    email: `alex+e2e-${stamp}@example.com`,
    password: newPassword(),
    profileName: "Alex",
  };
}

export function newPassword(): string {
  return `Quiet-Lantern-${Math.random().toString(36).slice(2, 10)}-Orchard!`;
}

/**
 * A US number that libphonenumber accepts as textable ("+1 202 555 WCCC"), unique within a
 * run (each run starts on an empty database; a verified number belongs to one account):
 * W is the worker, CCC its count.
 */
export function newPhoneNumber(testInfo: TestInfo): { typed: string; e164: string } {
  counter += 1;
  const last4 = `${testInfo.workerIndex % 10}${String(counter % 1000).padStart(3, "0")}`;
  return { typed: `+1 202 555 ${last4}`, e164: `+1202555${last4}` };
}

/** The landing page's Sign In / Sign Up: links that look like buttons (either role passes). */
export function action(page: Page, name: string) {
  return page
    .getByRole("link", { name, exact: true })
    .or(page.getByRole("button", { name, exact: true }))
    .first();
}

/** Landing → Sign Up → filled form → Who's watching?. */
export async function signUp(page: Page, account: TestAccount): Promise<void> {
  await page.goto("/");
  await action(page, "Sign Up").click();
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign Up", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
}

/** The sign-in page (already open, or opened here) → Who's watching?. */
export async function signIn(page: Page, account: TestAccount): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
}

/** Who's watching? → the profile → its home page. */
export async function chooseProfile(page: Page, profileName: string): Promise<void> {
  const main = page.getByRole("main");
  await main
    .getByRole("button", { name: profileName })
    .or(main.getByRole("link", { name: profileName }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/browse/);
}

/** Signed in and watching: sign in → Who's watching? → the profile's home. */
export async function signInAndChoose(page: Page, account: TestAccount): Promise<void> {
  await signIn(page, account);
  await chooseProfile(page, account.profileName);
}

/** The sign-in page, with a notice that says why this device is there. */
export async function expectSignedOut(page: Page, why: RegExp = /signed out/i): Promise<void> {
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: why })).toBeVisible();
}
