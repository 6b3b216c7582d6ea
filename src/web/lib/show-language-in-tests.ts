// For the web app's unit tests, which run in Node without Vite: shows one language's words as
// the built app would (the catalogues compiled the way vite.config.ts compiles them), so a
// helper that returns words can be tested in English, Spanish and Arabic.
import { i18n } from "@lingui/core";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import type { Language } from "../../contract/languages";
import arabic from "./catalogues/ar";
import english from "./catalogues/en";
import spanish from "./catalogues/es";

const catalogues: Record<Language, Record<string, string>> = { en: english, es: spanish, ar: arabic };

export function showLanguageInTests(language: Language): void {
  const compiled = Object.fromEntries(Object.entries(catalogues[language]).map(([id, message]) => [id, compileMessageOrThrow(message)]));
  i18n.load(language, compiled);
  i18n.activate(language);
}
