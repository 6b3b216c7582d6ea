// Who reads an email or a text: its account's language and time zone, read as it goes out, so a
// message follows the account's latest choice. A message no account owns any more (the farewell
// after a deletion) carries its reader in its payload; anything else is read in English, in UTC.
import { isLanguage, isTimeZone } from "../../contract/languages";
import type { AccountStore } from "../accounts/ports";
import type { OutboxMessageRecord } from "./ports";
import { defaultReader, type Reader } from "./templates/reader";

export async function readerOf(
  accounts: Pick<AccountStore, "findById">,
  message: Pick<OutboxMessageRecord, "accountId" | "payload">,
): Promise<Reader> {
  const account = message.accountId ? await accounts.findById(message.accountId) : null;
  if (account) return { language: account.language, timeZone: account.timeZone };
  const { language, timeZone } = message.payload;
  return isLanguage(language) && typeof timeZone === "string" && isTimeZone(timeZone) ? { language, timeZone } : defaultReader;
}
