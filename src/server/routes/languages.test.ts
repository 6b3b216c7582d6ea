// Route tests for languages: API messages follow Accept-Language, the account's language and time
// zone (set at sign-up, changed in Account) are what its emails use, and each profile has its own
// display language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, errorCode, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../../../test/helper";
import arabicApi from "../../locales/ar/api.json";
import englishApi from "../../locales/en/api.json";
import spanishApi from "../../locales/es/api.json";

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});

afterAll(async () => {
  await t?.close();
});

const wrongPassword = (acceptLanguage?: string) =>
  t.browser(acceptLanguage ? { headers: { "accept-language": acceptLanguage } } : {}).post("/api/v1/auth/sign-in", {
    email: uniqueEmail("nobody"),
    password: "not-the-password-1",
  });

describe("API messages", () => {
  it("come in the language Accept-Language asks for, best first, with the code unchanged", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, englishApi.INVALID_CREDENTIALS],
      ["es", spanishApi.INVALID_CREDENTIALS],
      ["es-MX,es;q=0.9,en;q=0.5", spanishApi.INVALID_CREDENTIALS],
      ["ar-EG", arabicApi.INVALID_CREDENTIALS],
      ["en;q=0.4, ar;q=0.8", arabicApi.INVALID_CREDENTIALS],
      ["fr-FR, de", englishApi.INVALID_CREDENTIALS],
      ["*", englishApi.INVALID_CREDENTIALS],
      ["not a language header ;;; q=", englishApi.INVALID_CREDENTIALS],
    ];
    for (const [header, message] of cases) {
      const response = await wrongPassword(header);
      expect(response.statusCode, String(header)).toBe(401);
      expect(response.json(), String(header)).toEqual({ error: { code: "INVALID_CREDENTIALS", message } });
    }
    expect(spanishApi.INVALID_CREDENTIALS).not.toBe(englishApi.INVALID_CREDENTIALS);
    expect(arabicApi.INVALID_CREDENTIALS).not.toBe(englishApi.INVALID_CREDENTIALS);
  });

  it("translate answers given before any route runs, such as an unknown address", async () => {
    const response = await t.browser({ headers: { "accept-language": "es" } }).get("/api/v1/no-such-thing");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "NOT_FOUND", message: spanishApi.NOT_FOUND } });
  });
});

describe("the account's language and time zone", () => {
  it("are set at sign-up from the browser and given to the first profile", async () => {
    const browser = t.browser();
    const signedUp = await browser.signUp(uniqueEmail("madrid"), STRONG_PASSWORD, { language: "es", timeZone: "Europe/Madrid" });
    expect(signedUp.statusCode).toBe(201);
    const account = (await browser.get("/api/v1/account")).json() as { account: { language: string; timeZone: string } };
    expect(account.account).toMatchObject({ language: "es", timeZone: "Europe/Madrid" });
    const me = (await browser.get("/api/v1/me")).json() as { profile: { language: string } | null };
    const profiles = (await browser.get("/api/v1/profiles")).json() as { profiles: { language: string }[] };
    expect(profiles.profiles.map((profile) => profile.language)).toEqual(["es"]);
    expect(me.profile).toBeNull();
  });

  it("fall back to English and UTC when sign-up names no language and a time zone nobody knows", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("nowhere"), STRONG_PASSWORD, { timeZone: "Mars/Olympus_Mons" })).statusCode).toBe(201);
    const account = (await browser.get("/api/v1/account")).json() as { account: { language: string; timeZone: string } };
    expect(account.account).toMatchObject({ language: "en", timeZone: "UTC" });
  });

  it("refuse a language Usher doesn't speak at sign-up", async () => {
    const response = await t.browser().signUp(uniqueEmail("french"), STRONG_PASSWORD, { language: "fr" });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe("VALIDATION_FAILED");
  });

  it("are changed in Account, and bad values get a 400 that changes nothing", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("mover"))).statusCode).toBe(201);
    const changed = await browser.put("/api/v1/account/language", { language: "ar", timeZone: "Asia/Dubai" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ language: "ar", timeZone: "Asia/Dubai" });

    for (const body of [
      { language: "fr", timeZone: "Europe/Paris" },
      { language: "es", timeZone: "Europe/Atlantis" },
      { language: "es" },
      { language: "es", timeZone: "" },
      { language: "es", timeZone: "UTC", extra: true },
      { language: ["es"], timeZone: "UTC" },
    ]) {
      const refused = await browser.put("/api/v1/account/language", body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorCode(refused)).toBe("VALIDATION_FAILED");
    }
    const account = (await browser.get("/api/v1/account")).json() as { account: { language: string; timeZone: string } };
    expect(account.account).toMatchObject({ language: "ar", timeZone: "Asia/Dubai" });
  });

  it("write the account's emails: a Spanish account's notice is in Spanish, in its own time zone", async () => {
    const browser = t.browser();
    const email = uniqueEmail("notice");
    expect((await browser.signUp(email, STRONG_PASSWORD, { language: "es", timeZone: "America/Mexico_City" })).statusCode).toBe(201);
    const mark = await t.sentMark();
    const changed = await browser.post("/api/v1/account/password", {
      currentPassword: STRONG_PASSWORD,
      newPassword: "amber-lantern-orchard-77",
    });
    expect(changed.statusCode).toBe(200);
    await t.delivered();
    const notice = t.sent.slice(mark).find((message) => message.channel === "email" && message.template === "password_changed");
    expect(notice?.channel).toBe("email");
    if (notice?.channel !== "email") return;
    expect(notice.to).toBe(email);
    expect(notice.subject).not.toMatch(/password/i);
    expect(notice.text).toMatch(/contraseña/);
  });
});

describe("a profile's display language", () => {
  it("is its own: one profile changed to Arabic leaves the others as they were", async () => {
    const browser = t.browser();
    expect((await browser.signUp(uniqueEmail("household"), STRONG_PASSWORD, { language: "es" })).statusCode).toBe(201);
    const created = await browser.post("/api/v1/profiles", { name: "Layla" });
    expect(created.statusCode).toBe(201);
    const layla = (created.json() as { profile: { id: string; language: string } }).profile;
    expect(layla.language).toBe("es");

    const changed = await browser.patch(`/api/v1/profiles/${layla.id}`, { language: "ar" });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as { profile: { language: string } }).profile.language).toBe("ar");
    const chosen = await browser.post(`/api/v1/profiles/${layla.id}/choose`, {});
    expect(chosen.statusCode).toBe(200);
    const me = (await browser.get("/api/v1/me")).json() as { profile: { name: string; language: string } };
    expect(me.profile).toMatchObject({ name: "Layla", language: "ar" });
    const profiles = (await browser.get("/api/v1/profiles")).json() as { profiles: { name: string; language: string }[] };
    expect(profiles.profiles.map((profile) => profile.language).sort()).toEqual(["ar", "es"]);

    const refused = await browser.patch(`/api/v1/profiles/${layla.id}`, { language: "de" });
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe("VALIDATION_FAILED");
  });
});

describe("field-level problems", () => {
  it("come in the request's language: Usher's own words and zod's, with the paths unchanged", async () => {
    const browser = t.browser({ headers: { "accept-language": "es" } });
    expect((await browser.signUp(uniqueEmail("issues"))).statusCode).toBe(201);
    const refused = await browser.put("/api/v1/account/language", { language: "es", timeZone: "Europe/Atlantis" });
    expect(refused.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: spanishApi.VALIDATION_FAILED,
        issues: [{ path: "body.timeZone", message: spanishApi["issue.unknownTimeZone"] }],
      },
    });
    const wrongType = await browser.put("/api/v1/account/language", { language: "es", timeZone: 7 });
    const [issue] = (wrongType.json() as { error: { issues: { path: string; message: string }[] } }).error.issues;
    expect(issue?.path).toBe("body.timeZone");
    expect(issue?.message).toMatch(/^Entrada inválida/);

    const english = t.browser();
    expect((await english.signUp(uniqueEmail("issues-en"))).statusCode).toBe(201);
    const inEnglish = await english.put("/api/v1/account/language", { language: "es", timeZone: "Europe/Atlantis" });
    expect((inEnglish.json() as { error: { issues: { message: string }[] } }).error.issues[0]?.message).toBe(
      englishApi["issue.unknownTimeZone"],
    );
  });
});
