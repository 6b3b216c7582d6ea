// Phone numbers: parsed and validated with libphonenumber's full metadata, stored as E.164.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { fail, ok, type Result } from "../result";

/** Number types that cannot receive a text message. */
const CANNOT_TEXT = new Set(["FIXED_LINE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "PAGER", "UAN", "VOICEMAIL"]);

export function parsePhone(input: string, country?: string): Result<string, "INVALID_PHONE" | "PHONE_NOT_MOBILE"> {
  const defaultCountry = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  if (!parsed?.isValid()) return fail("INVALID_PHONE");
  const type = parsed.getType();
  if (type && CANNOT_TEXT.has(type)) return fail("PHONE_NOT_MOBILE");
  return ok(parsed.number);
}

/** "+12025550143" → "+1 ••• ••• ••43": enough to recognise, not enough to misuse. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return "••••";
  const national = parsed.formatInternational().slice(`+${parsed.countryCallingCode} `.length);
  const digitsToHide = national.replace(/\D/g, "").length - 2;
  let hidden = 0;
  const masked = national.replace(/\d/g, (digit) => (hidden++ < digitsToHide ? "•" : digit));
  return `+${parsed.countryCallingCode} ${masked}`;
}
