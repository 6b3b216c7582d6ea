// What every page gets: a screenshot kept under test-results/screenshots/<project>/<page>.png,
// an axe-core check that fails on any serious or critical violation, and a check that no
// phrase shows its catalogue id instead of its words.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

export const screenshotDir = "test-results/screenshots";

/** Waits for the page to settle: no route loading, no "Loading…" left on screen. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const info = test.info();
  const path = `${screenshotDir}/${info.project.name}/${name}.png`;
  await settled(page);
  // From the top, as the page opens: scrolled, the sticky header would be drawn mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
}

/** No serious or critical axe violation (a soft check: the walk goes on to the next page, the
 * test still fails); the violations are printed when there are some. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const described = grave.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ")}`),
  }));
  if (described.length > 0) console.log(`axe: ${name} (${test.info().project.name}):\n${JSON.stringify(described, null, 2)}`);
  expect.soft(described, `serious or critical axe violations on the ${name} page`).toEqual([]);
}

/** A catalogue id such as "account.changePassword.title", shown where its words should be. */
const RAW_MESSAGE_ID = /\b(?:auth|account|common|devices|profiles|tv|watching)\.[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+\b/;

/** Every phrase on the page (its text and its labels) was found in the shown language's catalogue. */
export async function expectNoRawMessageIds(page: Page, name: string): Promise<void> {
  const shown = await page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")].flatMap((element) =>
      ["aria-label", "title", "placeholder", "alt"].map((attribute) => element.getAttribute(attribute) ?? ""),
    );
    return [document.body.textContent ?? "", document.title, ...labels].join("\n");
  });
  expect.soft(shown.match(RAW_MESSAGE_ID)?.[0], `a catalogue id shown on the ${name} page`).toBeUndefined();
}

/** A page's screenshot, its accessibility check and its words. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
  await expectNoRawMessageIds(page, name);
}
