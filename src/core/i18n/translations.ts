// Usher's server-side words in every language it speaks: API messages and everything emails and
// texts say, from the message catalogues in src/locales (ICU MessageFormat, read by Lingui).
// Each catalogue is compiled once, on English, so a phrase a translation lacks still reads.
import { type I18n, setupI18n } from "@lingui/core";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import type { Language } from "../../contract/languages";
import arApi from "../../locales/ar/api.json";
import arEmails from "../../locales/ar/emails.json";
import enApi from "../../locales/en/api.json";
import enEmails from "../../locales/en/emails.json";
import esApi from "../../locales/es/api.json";
import esEmails from "../../locales/es/emails.json";

export type ServerMessageId = keyof typeof enApi | keyof typeof enEmails;
export type MessageValues = Record<string, string | number>;

/** Each language's server-side catalogue, as its translators wrote it. */
export const serverCatalogues: Record<Language, Record<string, string>> = {
  en: { ...enApi, ...enEmails },
  es: { ...esApi, ...esEmails },
  ar: { ...arApi, ...arEmails },
};

const compile = (catalogue: Record<string, string>) =>
  Object.fromEntries(Object.entries(catalogue).map(([id, message]) => [id, compileMessageOrThrow(message)]));

const compiledEnglish = compile(serverCatalogues.en);
const instances = new Map<Language, I18n>();

function instanceFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    const messages = language === "en" ? compiledEnglish : { ...compiledEnglish, ...compile(serverCatalogues[language]) };
    instance = setupI18n({ locale: language, messages: { [language]: messages } });
    instances.set(language, instance);
  }
  return instance;
}

/** One phrase of the server's catalogue in `language`, its placeholders filled from `values`. */
export function translate(language: Language, id: ServerMessageId, values?: MessageValues): string {
  return instanceFor(language)._(id, values);
}
