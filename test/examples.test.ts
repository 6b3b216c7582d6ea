// The examples run, as a separate process, against a started server.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "./helper";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await t?.close();
});

it("examples/phone-client.ts signs in with a bearer token, picks a profile, lists devices and signs out of all", async () => {
  const email = uniqueEmail("example");
  t.logs.remember(STRONG_PASSWORD);
  const browser = t.browser();
  expect((await browser.signUp(email, STRONG_PASSWORD, { profileName: "Jo" })).statusCode).toBe(201);

  const { stdout } = await run(`${root}node_modules/.bin/tsx`, ["examples/phone-client.ts"], {
    cwd: root,
    env: { ...process.env, USHER_URL: baseUrl, USHER_EMAIL: email, USHER_PASSWORD: STRONG_PASSWORD },
  });
  expect(stdout).toContain(`Signed in as ${email} on "Example phone app"`);
  expect(stdout).toContain("Watching as Jo");
  expect(stdout).toMatch(/- Example phone app \(mobile\) — this device/);
  expect(stdout).toMatch(/- Chrome on macOS \(web\)/);
  expect(stdout).toContain("Signed out of all devices (2)");
  expect(stdout).toContain("This device now gets SESSION_REVOKED");
  // The browser was signed out too.
  expect((await browser.get("/api/v1/me")).statusCode).toBe(401);
});
