// The web app's language: which one is shown, its words (Lingui, with the catalogues in
// src/locales/<language>/web), and the hooks pages read them with. Before a profile is
// chosen the browser's languages decide; once one is, the profile's display language does.
import { i18n, type Messages } from "@lingui/core";
import { I18nProvider, Trans, useLingui } from "@lingui/react";
import type { ReactElement, ReactNode } from "react";
import { defaultLanguage, isLanguage, type Language, preferredLanguage, textDirection } from "../../contract/languages";
import type english from "./catalogues/en";

/** Every phrase id the web app's catalogues hold; English is the source every language follows. */
export type MessageId = keyof typeof english;
export type MessageValues = Record<string, string | number>;

const catalogues: Record<Language, () => Promise<{ default: unknown }>> = {
  en: () => import("./catalogues/en"),
  es: () => import("./catalogues/es"),
  ar: () => import("./catalogues/ar"),
};

const loaded = new Set<Language>();

/** The language the browser asks for, of those Usher speaks. */
export function browserLanguage(): Language {
  return preferredLanguage(navigator.languages?.length ? navigator.languages : [navigator.language ?? defaultLanguage]);
}

export function activeLanguage(): Language {
  return isLanguage(i18n.locale) ? i18n.locale : defaultLanguage;
}

/** The language last asked for: a slower load of an earlier one must not win over it. */
let wanted: Language | undefined;

/**
 * Shows the app in `language`: loads its words once, then switches every page over and sets
 * the document's language and direction (Arabic reads right to left). Resolves when it has.
 */
export async function showLanguage(language: Language): Promise<void> {
  wanted = language;
  if (!loaded.has(language)) {
    const { default: messages } = await catalogues[language]();
    i18n.load(language, messages as Messages);
    loaded.add(language);
  }
  if (wanted !== language || i18n.locale === language) return;
  i18n.activate(language, [intlLocale(language)]);
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/**
 * The locale dates and numbers are written in: the browser's own when it speaks the same
 * language ("en-GB" keeps day-month order for English), else the language alone.
 */
function intlLocale(language: Language): string {
  const own = navigator.languages?.find((tag) => tag.toLowerCase().split("-")[0] === language);
  return own ?? language;
}

/** One phrase in the shown language, for code that runs while a page renders (helpers, not components). */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, values);
}

/** The translate function for a component: the component shows the new words when the language changes. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const { _ } = useLingui();
  return _ as (id: MessageId, values?: MessageValues) => string;
}

/**
 * A phrase with markup in it: `<0>…</0>` in the catalogue becomes `components[0]` wrapped
 * around its words ("Read the <0>guide</0>" with a link as component 0).
 */
export function Message(props: {
  id: MessageId;
  values?: Record<string, string | number | ReactNode>;
  components?: Record<string, ReactElement>;
}): ReactElement {
  return <Trans id={props.id} values={props.values} components={props.components} />;
}

/** Dates and times in the shown language, in this device's time zone. */
export function formatDateTime(value: Date | string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(i18n.locales ?? activeLanguage(), options).format(new Date(value));
}

export function formatRelativeTime(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(i18n.locales ?? activeLanguage(), { numeric: "auto" }).format(value, unit);
}

export function LanguageProvider({ children }: { children: ReactNode }): ReactElement {
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}
