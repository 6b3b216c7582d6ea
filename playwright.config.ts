// Browser tests (test/e2e): Debian's Chromium drives the built web app, served by the real
// server on a fresh embedded database, at a desktop and at a phone-sized viewport.
// `npm run build` first: the server serves dist/web.
import { defineConfig } from "@playwright/test";
import { baseURL, inboxURL, reauthBaseURL, reauthPort, reauthWindowMinutes, smtpPort } from "./test/e2e/support/servers";

// Two servers, each with its own port and database; the second one's re-authentication window
// is a few seconds (REAUTH_WINDOW_MINUTES): only reauth.spec.ts uses it, to see the window close.
const mailEnv = { E2E_SMTP_PORT: String(smtpPort), E2E_INBOX_PORT: new URL(inboxURL).port };

const server = {
  command: "node scripts/e2e-server.mjs",
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
} as const;

export default defineConfig({
  testDir: "test/e2e",
  // Not the default "test-results": Playwright empties its output folder at start, and
  // vitest's report (test-results/vitest.json) is already there when `npm test` gets here.
  outputDir: "test-results/playwright",
  globalSetup: "./test/e2e/support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    // Every page's screenshot is taken by name (test-results/screenshots/<project>/<page>.png);
    // a failing test also keeps its last screen and a trace.
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    { name: "phone", use: { viewport: { width: 390, height: 844 }, hasTouch: true } },
  ],
  webServer: [
    // The mail server first: both Usher servers send their email to it over SMTP.
    { ...server, command: "node scripts/e2e-smtp-inbox.mjs", url: `${inboxURL}/messages`, env: mailEnv },
    { ...server, url: `${baseURL}/healthz`, env: mailEnv },
    {
      ...server,
      url: `${reauthBaseURL}/healthz`,
      env: { ...mailEnv, E2E_PORT: String(reauthPort), REAUTH_WINDOW_MINUTES: String(reauthWindowMinutes) },
    },
  ],
});
