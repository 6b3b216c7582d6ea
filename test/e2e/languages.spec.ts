// Languages: each profile shows Usher in its own display language (English, Spanish or Arabic,
// which reads right to left), chosen in Profile & Parental Controls; pages before a profile is
// chosen follow the browser; the account's emails come in the language it signed up in, from the
// real SMTP server; Usher's refusals follow the page's language. Account, Manage access and
// devices, the player and the TV simulator are checked (axe, no catalogue id on show, nothing cut
// off or overlapping) and kept as screenshots in all three languages.
import type { Browser, Page } from "@playwright/test";
import { type Language, languageNames } from "../../src/contract/languages";
import spanishApi from "../../src/locales/es/api.json" with { type: "json" };
import spanishEmails from "../../src/locales/es/emails.json" with { type: "json" };
import { chooseProfile, newAccount, signUp, type TestAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { expectNothingClippedOrOverlapping } from "./support/layout-checks";
import { readEmail } from "./support/mailbox";
import { checkPage } from "./support/pages";
import { words } from "./support/words";

/** Through the API, as this browser: the profile's id by its name. */
async function profileId(page: Page, name: string): Promise<string> {
  const listed = await page.request.get("/api/v1/profiles");
  const { profiles } = (await listed.json()) as { profiles: { id: string; name: string }[] };
  const found = profiles.find((profile) => profile.name === name);
  expect(found, `a profile named ${name}`).toBeTruthy();
  return found!.id;
}

/** Through the API, as this browser: the profile's display language. */
async function setDisplayLanguage(page: Page, baseURL: string, name: string, language: Language): Promise<void> {
  const changed = await page.request.patch(`/api/v1/profiles/${await profileId(page, name)}`, {
    data: { language },
    headers: { origin: baseURL },
  });
  expect(changed.status()).toBe(200);
}

async function expectShownIn(page: Page, language: Language): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
}

test("a Spanish profile and an English one on the same account each see their own language", async ({ page, baseURL }, testInfo) => {
  const account = newAccount(testInfo);
  await signUp(page, account);
  const created = await page.request.post("/api/v1/profiles", { data: { name: "Lucía" }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);
  const lucia = ((await created.json()) as { profile: { id: string } }).profile.id;

  // Alex's browse page → Profile & Parental Controls for Lucía → Display language: Español.
  await chooseProfile(page, account.profileName);
  await expectShownIn(page, "en");
  await page.goto(`/profiles/manage/${lucia}/parental-controls`);
  await page.getByLabel("Account password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const languageGroup = page.getByRole("group", { name: words("en", "profiles.displayLanguage.legend", { name: "Lucía" }) });
  await expect(languageGroup.getByRole("radio", { name: "English" })).toBeChecked();
  await languageGroup.getByRole("radio", { name: "Español" }).check();
  await expect(page.getByText(words("en", "profiles.displayLanguage.saved", { name: "Lucía", language: "Español" }))).toBeVisible();
  // Alex's own page stays English: the change is Lucía's.
  await expectShownIn(page, "en");
  await checkPage(page, "display-language");

  // Lucía sees Usher in Spanish, from Who's watching? on.
  await page.goto("/profiles");
  await expect(page.getByRole("heading", { name: words("en", "profiles.whoIsWatching.heading") })).toBeVisible();
  await page
    .getByRole("main")
    .getByRole("button", { name: "Lucía" })
    .or(page.getByRole("main").getByRole("link", { name: "Lucía" }))
    .first()
    .click();
  await expect(page.getByRole("heading", { name: words("es", "profiles.profileHome.greeting", { name: "Lucía" }) })).toBeVisible();
  await expectShownIn(page, "es");
  await checkPage(page, "browse-es");

  // And Alex, chosen again on this browser, in English.
  await page.goto("/profiles");
  await expect(page.getByRole("heading", { name: words("es", "profiles.whoIsWatching.heading") })).toBeVisible();
  await chooseProfile(page, account.profileName);
  await expect(
    page.getByRole("heading", { name: words("en", "profiles.profileHome.greeting", { name: account.profileName }) }),
  ).toBeVisible();
  await expectShownIn(page, "en");
});

test("a Spanish browser signs up in Spanish: its pages, its email from the SMTP server and Usher's refusals", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the same words at either size");
  const context = await browser.newContext({ baseURL: baseURL!, locale: "es-ES", timezoneId: "Europe/Madrid" });
  const page = await context.newPage();
  const account = newAccount(testInfo);
  const since = new Date();

  await page.goto("/sign-up");
  await expectShownIn(page, "es");
  await page.getByLabel(words("es", "auth.signUp.email"), { exact: true }).fill(account.email);
  await page.getByLabel(words("es", "auth.signUp.password"), { exact: true }).fill(account.password);
  await page.getByRole("button", { name: words("es", "auth.signUp.signUp"), exact: true }).click();
  await expect(page.getByRole("heading", { name: words("es", "profiles.whoIsWatching.heading") })).toBeVisible();
  await checkPage(page, "who-is-watching-es");

  // The welcome email, as the SMTP server received it: Spanish, marked as such.
  const email = await readEmail(page.request, account.email, "email_verification", since);
  expect(email.subject).toBe(spanishEmails["email.emailVerification.subject"]);
  expect(email.html).toMatch(/<html[^>]* lang="es"/);

  // Account → Language and time zone: Spanish, in this browser's time zone.
  await chooseProfile(page, account.profileName);
  await page.goto("/account");
  await expect(
    page.getByText(words("es", "account.membership.languageValue", { language: "Español", zone: "Europe/Madrid" })),
  ).toBeVisible();
  await page.getByRole("link", { name: words("es", "account.membership.changeLanguage") }).click();
  await expect(page.getByRole("heading", { name: words("es", "account.changeLanguage.title"), level: 1 })).toBeVisible();
  await checkPage(page, "change-language-es");
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByLabel(words("es", "account.languageForm.timeZone")).selectOption("America/Mexico_City");
  await page.getByRole("button", { name: words("es", "account.languageForm.save") }).click();
  await expect(
    page.getByText(words("es", "account.changeLanguage.changed", { language: "English", zone: "America/Mexico City" })),
  ).toBeVisible();

  // A refusal from the API, in the page's language.
  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel(words("es", "auth.signIn.email"), { exact: true }).fill(account.email);
  await page.getByLabel(words("es", "auth.signIn.password"), { exact: true }).fill(`${account.password}-not-it`);
  await page.getByRole("button", { name: words("es", "auth.signIn.signIn"), exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText(spanishApi.INVALID_CREDENTIALS);
  await context.close();
});

/** The TV simulator (desktop-sized, English by default) signed in for the phone's profile: it opens in the profile's language. */
async function tvShowing(browser: Browser, baseURL: string, phone: Page, account: TestAccount, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const tv = await context.newPage();
  await tv.goto("/tv/simulator");
  const shown = tv.getByTestId("tv-user-code");
  await expect(shown).toHaveText(/^[B-Z]{4}-[B-Z]{4}$/);
  await phone.goto(`/tv?code=${(await shown.textContent())?.trim()}`);
  await phone.getByRole("radio", { name: account.profileName }).check();
  await phone.getByRole("button", { name: words(language, "tv.approve.approve") }).click();
  await expect(tv.getByText(words(language, "tv.home.greeting", { name: account.profileName }))).toBeVisible({ timeout: 15_000 });
  await expectShownIn(tv, language);
  return tv;
}

for (const language of ["en", "es", "ar"] as const) {
  test(`${languageNames[language]}: Account, Manage access and devices, the player and the TV simulator hold their layout`, async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "phone-sized, where a longer language has least room; the TV is its own size");
    const account = newAccount(testInfo);
    await signUp(page, account);
    await setDisplayLanguage(page, baseURL!, account.profileName, language);
    await chooseProfile(page, account.profileName);
    await expectShownIn(page, language);

    for (const [path, name, heading] of [
      ["/account", "account", words(language, "account.page.title")],
      ["/account/devices", "devices", words(language, "devices.devicesPage.title")],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      await checkPage(page, `${name}-${language}`);
      await expectNothingClippedOrOverlapping(page, `${name} (${language})`);
    }

    await page.goto("/watch/the-lantern-keepers");
    await expect(page.getByRole("button", { name: words(language, "watching.player.pause") })).toBeVisible();
    await checkPage(page, `player-${language}`);
    await expectNothingClippedOrOverlapping(page, `player (${language})`);

    const tv = await tvShowing(browser, baseURL!, page, account, language);
    await checkPage(tv, `tv-simulator-${language}`);
    await expectNothingClippedOrOverlapping(tv, `TV simulator (${language})`);
    await tv.context().close();
  });
}
