// Account → Membership & Billing → Change plan: Premium is saved and the account page says so;
// then Basic, with fewer screens, says before saving that it limits only what starts next.
import type { Page } from "@playwright/test";
import { chooseProfile, newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { menuEntry, openAccount } from "./support/layout";
import { checkPage, screenshot } from "./support/pages";

const DOWNGRADE_NOTE = "Fewer screens: anything already playing keeps playing; the new limit applies to what starts next.";

/** Account → Change plan: the page, its radio group and the downgrade note. */
async function openChangePlan(page: Page) {
  await menuEntry(page, "Change plan").click();
  await expect(page).toHaveURL(/\/account\/plan$/);
  await expect(page.getByRole("heading", { name: "Change plan", level: 1 })).toBeVisible();
  const plans = page.getByRole("group", { name: "Choose a plan" });
  const plan = (name: string) => plans.getByRole("radio", { name: new RegExp(`^${name}`) });
  return { plans, plan, note: page.getByRole("status").filter({ hasText: DOWNGRADE_NOTE }) };
}

async function save(page: Page, notice: RegExp) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status").filter({ hasText: notice })).toBeVisible();
}

test("Change plan to Premium shows it on Account; Basic says before saving that it limits only what starts next", async ({
  page,
}, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  await chooseProfile(page, account.profileName);
  await openAccount(page);
  await expect(page.getByRole("heading", { name: "Membership & Billing" })).toBeVisible();
  const main = page.getByRole("main");
  // The plan with what it allows, at once: the screens.
  await expect(main.getByText("Standard · 2 screens at a time", { exact: true })).toBeVisible();

  // The three plans, screens at a time, the new account's own (Standard) chosen and marked.
  const first = await openChangePlan(page);
  await expect(first.plans.getByRole("radio")).toHaveCount(3);
  await expect(first.plan("Basic")).toHaveAccessibleName(/1 screen at a time/);
  await expect(first.plan("Standard")).toHaveAccessibleName(/2 screens at a time/);
  await expect(first.plan("Premium")).toHaveAccessibleName(/4 screens at a time/);
  await expect(first.plans.getByText("Current plan")).toHaveCount(1);
  await expect(first.plan("Standard")).toHaveAccessibleName(/Current plan/);
  await expect(first.plan("Standard")).toBeChecked();
  await expect(main).not.toContainText(/\$|€|£|price|per month|\/mo/i);

  // Saving the plan it already has changes nothing, and says so.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Standard is already your plan. Choose another one to change it.");
  await expect(page).toHaveURL(/\/account\/plan$/);

  await first.plan("Premium").check();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(first.note).toHaveCount(0);
  await save(page, /Your plan has been changed to Premium: 4 screens at a time\./);
  await expect(main.getByText("Premium · 4 screens at a time", { exact: true })).toBeVisible();
  await expect(main.getByText(/^Standard ·/)).toHaveCount(0);
  await screenshot(page, "account-after-change-plan");

  // Back down to Basic: the note comes before saving, and goes when the choice has as many screens.
  const second = await openChangePlan(page);
  await expect(second.plan("Premium")).toBeChecked();
  await expect(second.plan("Premium")).toHaveAccessibleName(/Current plan/);
  await second.plan("Basic").check();
  await expect(second.note).toBeVisible();
  await checkPage(page, "change-plan-downgrade");
  await second.plan("Premium").check();
  await expect(second.note).toHaveCount(0);
  await second.plan("Basic").check();
  await expect(second.note).toBeVisible();
  await save(page, /Your plan has been changed to Basic: 1 screen at a time\. Anything already playing keeps playing\./);
  await expect(main.getByText("Basic · 1 screen at a time", { exact: true })).toBeVisible();
});
