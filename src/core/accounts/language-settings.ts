// Account → Language and time zone: what the account's emails and texts are written in, and the
// time zone the times in them are given in. Each profile's display language is its own.
import type { Language } from "../../contract/languages";
import type { CoreDeps } from "../deps";
import type { SessionRecord } from "../sessions/ports";

export interface LanguageSettings {
  language: Language;
  timeZone: string;
}

export async function setLanguageAndTimeZone(
  deps: CoreDeps,
  session: SessionRecord,
  settings: LanguageSettings,
): Promise<LanguageSettings> {
  await deps.stores.accounts.setLanguageAndTimeZone(session.accountId, settings);
  return settings;
}
