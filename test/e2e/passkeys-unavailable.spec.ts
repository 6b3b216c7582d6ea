// Passkeys only where the browser can use them. On an IP-address origin browsers refuse
// WebAuthn ("invalid domain"): there the app offers no passkey button and says why. Where the
// browser refuses anyway (the page's host isn't the one the passkeys belong to), it says that,
// not "Try again".

import type { Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { checkPage } from "./support/pages";
import { baseURL, e2ePort } from "./support/servers";

/** The same server, opened at its IP address instead of its name (PUBLIC_URL's localhost). */
const ipOrigin = `http://127.0.0.1:${e2ePort}`;

/**
 * Opens `path` at the IP address. The page is the one the server serves at PUBLIC_URL (the
 * server may send page requests under another host name there), but the browser is at the IP
 * address: what decides whether WebAuthn works. Its scripts and API calls go to the IP address.
 */
async function openAtIpAddress(page: Page, path: string): Promise<void> {
  await page.route(`${ipOrigin}/**`, async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const atPublicUrl = route.request().url().replace(ipOrigin, baseURL);
    return route.fulfill({ response: await route.fetch({ url: atPublicUrl, maxRedirects: 0 }) });
  });
  await page.goto(`${ipOrigin}${path}`);
}

/** The server's passkey options (`POST url`), rewritten so the passkeys belong to another host name. */
async function passkeysBelongElsewhere(page: Page, url: string, rpId: (options: Record<string, unknown>) => void): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { options: Record<string, unknown> };
    rpId(body.options);
    await route.fulfill({ response, json: body });
  });
}

const CANNOT_HERE = "This browser can't use passkeys on this address";

test("at an IP address the sign-in and passkeys pages offer no passkey, and say why", async ({ page }, testInfo) => {
  // Sign In at the IP address: the other ways in, no passkey.
  await openAtIpAddress(page, "/sign-in");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Use a sign-in code" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  await checkPage(page, "sign-in-at-ip-address");

  // At its name, the same page offers it.
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();

  // Signed in (at the name, as the origin check wants for signing up), then Passkeys at the IP
  // address with the same session cookie.
  const account = newAccount(testInfo);
  await signUp(page, account);
  await page.goto("/account/passkeys");
  await expect(page.getByRole("button", { name: "Add a passkey" })).toBeVisible();
  const cookies = await page.context().cookies(baseURL);
  await page
    .context()
    .addCookies(cookies.map(({ name, value }) => ({ name, value, domain: "127.0.0.1", path: "/", secure: true, httpOnly: true })));
  await openAtIpAddress(page, "/account/passkeys");
  await expect(page.getByRole("heading", { name: "Passkeys", level: 1 })).toBeVisible();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${CANNOT_HERE} (127.0.0.1)` })).toContainText("not on an IP address");
  await checkPage(page, "passkeys-at-ip-address");
});

test("when the browser refuses a passkey for this address, the page says so instead of 'Try again'", async ({ page }, testInfo) => {
  // Sign in with a passkey whose options name another host: the browser refuses at once.
  await passkeysBelongElsewhere(page, "**/api/v1/auth/passkey/options", (options) => {
    options.rpId = "usher.example";
  });
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  const refused = page.getByRole("alert").filter({ hasText: CANNOT_HERE });
  await expect(refused).toContainText("Usher's passkeys belong to usher.example");
  await expect(refused).not.toContainText(/try again/i);

  // Adding one, the same.
  const account = newAccount(testInfo);
  await signUp(page, account);
  await passkeysBelongElsewhere(page, "**/api/v1/account/passkeys/registration-options", (options) => {
    (options.rp as { id: string }).id = "usher.example";
  });
  await page.goto("/account/passkeys");
  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(refused).toContainText("(localhost): Usher's passkeys belong to usher.example. Open Usher at usher.example to use one.");
  await expect(page.getByText(/No passkey was added|Try again/)).toHaveCount(0);
  await checkPage(page, "passkey-refused-for-this-address");
});
