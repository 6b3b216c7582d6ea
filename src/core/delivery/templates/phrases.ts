// What a message says, in its reader's language: every phrase comes from the emails catalogue
// (src/locales/<language>/emails.json), by id, with the payload's data filled in.
import { textDirection } from "../../../contract/languages";
import { type MessageValues, type ServerMessageId, translate } from "../../i18n/translations";
import type { Reader } from "./reader";

/** The ids of the emails catalogue: email.* for emails, text.* for text messages. */
export type PhraseId = Extract<ServerMessageId, `email.${string}` | `text.${string}`>;

// Unicode's first-strong isolate and pop-directional isolate.
const FSI = "\u2068";
const PDI = "\u2069";

/**
 * One phrase of an email in the reader's language. In right-to-left text each value is set
 * apart with Unicode isolates, so data written left to right ("+1 ••• ••23", "Chrome on
 * macOS", an address) keeps its own order inside an Arabic sentence instead of being
 * reordered by it. Numbers are left bare: plurals pick their form from them.
 */
export function phrase(reader: Reader, id: PhraseId, values?: MessageValues): string {
  if (!values || textDirection(reader.language) === "ltr") return translate(reader.language, id, values);
  const isolated = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? `${FSI}${value}${PDI}` : value]),
  );
  return translate(reader.language, id, isolated);
}

/**
 * One text message in the reader's language. Its values are codes, digits only, which need no
 * isolating in right-to-left text; and a text has few characters to spare.
 */
export function textMessage(reader: Reader, id: Extract<PhraseId, `text.${string}`>, values: MessageValues): string {
  return translate(reader.language, id, values);
}
