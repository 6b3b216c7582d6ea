// A language Usher speaks and a time zone, as the API takes them.
import { z } from "zod";
import { isTimeZone, languages } from "../languages";
import { text } from "./common";

export const languageCode = z.enum(languages);

export const timeZone = text()
  .max(64)
  .refine(isTimeZone, { message: 'Not a time zone Usher knows: send an IANA name such as "Europe/Madrid".' });

/** Account → Language and time zone: what the account's emails and texts use. */
export const languageSettingsRequest = z.strictObject({ language: languageCode, timeZone });
export const languageSettingsResponse = z.object({ language: languageCode, timeZone: z.string() });
