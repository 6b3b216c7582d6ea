// Who reads an email or a text: its words are in their language, its times in their time zone.
import type { Language } from "../../../contract/languages";

/** Who reads a message: the account's language and time zone. */
export interface Reader {
  language: Language;
  timeZone: string;
}

export const defaultReader: Reader = { language: "en", timeZone: "UTC" };
