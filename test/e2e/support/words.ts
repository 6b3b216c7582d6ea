// The web app's words in each language, as the built app shows them, for tests that read a page
// in Spanish or Arabic: the catalogues themselves (src/locales), compiled the way the build does.
import { readdirSync, readFileSync } from "node:fs";
import { type I18n, setupI18n } from "@lingui/core";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import type { Language } from "../../../src/contract/languages";
import type english from "../../../src/web/lib/catalogues/en";

/** Every phrase id of the web app (English is the source every language follows). */
type MessageId = keyof typeof english;

/** Every file of the language's web catalogue, as one. */
function catalogue(language: Language): Record<string, string> {
  const folder = new URL(`../../../src/locales/${language}/web/`, import.meta.url);
  return Object.assign({}, ...readdirSync(folder).map((file) => JSON.parse(readFileSync(new URL(file, folder), "utf8"))));
}
const instances = new Map<Language, I18n>();

/** One phrase as a page in `language` shows it (markup such as `<0>` stripped). */
export function words(language: Language, id: MessageId, values?: Record<string, string | number>): string {
  let instance = instances.get(language);
  if (!instance) {
    const compiled = Object.fromEntries(Object.entries(catalogue(language)).map(([key, message]) => [key, compileMessageOrThrow(message)]));
    instance = setupI18n({ locale: language, messages: { [language]: compiled } });
    instances.set(language, instance);
  }
  return instance._(id, values).replace(/<\/?\d+>/g, "");
}
