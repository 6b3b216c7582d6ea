// The languages Usher speaks: a profile's display language, an account's language for its
// emails and texts, and what API messages follow through Accept-Language. Browser-safe and
// zod-free, so a web page can import it without the schema library.

export const languages = ["en", "es", "ar"] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = "en";

/** Each language in its own words, as a language picker shows it. */
export const languageNames: Record<Language, string> = { en: "English", es: "Español", ar: "العربية" };

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

export function textDirection(language: Language): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/**
 * The first of someone's preferred languages (a browser's `navigator.languages`, most wanted
 * first) that Usher speaks, matched on the language alone ("es-MX" is Spanish), else English.
 */
export function preferredLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return defaultLanguage;
}

/** Whether `timeZone` is an IANA time zone this runtime knows ("Europe/Madrid", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
