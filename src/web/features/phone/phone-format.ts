// Formats a phone number while it is typed, keeping the caret beside the digit it was next
// to. Works on the libphonenumber-js module handed in, so the library stays in a lazy chunk.
import type * as PhoneLib from "libphonenumber-js";
import { activeLanguage, t } from "../../lib/i18n";

export type Lib = typeof PhoneLib;
export type CountryCode = PhoneLib.CountryCode;

export interface Typed {
  value: string;
  caret: number;
  /** The country a number typed with "+" belongs to, when it isn't the chosen one's calling code. */
  country?: CountryCode | undefined;
}

/** What the number is without its formatting: its digits, with a leading "+" if typed. */
function significant(text: string): string[] {
  const chars: string[] = [];
  for (const char of text) {
    if (/\d/.test(char) || (char === "+" && chars.length === 0)) chars.push(char);
  }
  return chars;
}

const MAX_SIGNIFICANT = 17;

/**
 * `next` is the input's new text with the caret at `caret`; `deleting` says whether the edit
 * was a deletion backward or forward. Deleting only a space or bracket deletes the digit
 * beside it, or the formatter would put the bracket straight back.
 */
export function formatTyped(
  lib: Lib,
  country: CountryCode,
  previous: string,
  next: string,
  caret: number,
  deleting?: "backward" | "forward",
): Typed {
  const atEnd = caret >= next.length;
  let before = significant(next.slice(0, caret)).length;
  const chars = significant(next);
  if (deleting && chars.join("") === significant(previous).join("")) {
    if (deleting === "backward" && before > 0) chars.splice(--before, 1);
    if (deleting === "forward") chars.splice(before, 1);
  }
  const raw = chars.slice(0, MAX_SIGNIFICANT).join("");
  const international = raw.startsWith("+");
  const formatter = new lib.AsYouType(international ? undefined : country);
  const value = raw ? formatter.input(raw) : "";
  return {
    value,
    caret: atEnd ? value.length : caretAfter(value, before),
    // Follow a "+" number to its country, but keep the chosen one while the calling code
    // matches it (+44 is the UK's as well as Guernsey's, +1 the US's as well as Canada's).
    country: international && formatter.getCallingCode() !== lib.getCountryCallingCode(country) ? formatter.getCountry() : undefined,
  };
}

/** The position just after the n-th significant character of `text`. */
function caretAfter(text: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < text.length; index++) {
    if (/[\d+]/.test(text[index]!) && ++seen === n) return index + 1;
  }
  return text.length;
}

export interface CountryOption {
  code: CountryCode;
  label: string;
}

/** Every country the library knows, by name in the shown language, each with its calling code: "Germany (+49)". */
export function countryOptions(lib: Lib): CountryOption[] {
  const language = activeLanguage();
  const names = new Intl.DisplayNames([language], { type: "region" });
  return lib
    .getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, language))
    .map(({ code, name }) => ({
      code,
      label: t("account.phoneField.countryOption", { country: name, code: lib.getCountryCallingCode(code) }),
    }));
}

/** The country of the browser's language ("en-GB" → "GB"), a good first guess. */
export function guessCountry(): string {
  for (const language of navigator.languages ?? [navigator.language]) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // An odd language tag: try the next one.
    }
  }
  return "US";
}
