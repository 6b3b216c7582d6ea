// The `test` every browser test uses: Playwright's, plus a guard that fails the test when
// the page breaks the Content Security Policy (an inline script or style the CSP refused
// is otherwise silent: the page just looks or behaves a little wrong).
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(undefined);
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
