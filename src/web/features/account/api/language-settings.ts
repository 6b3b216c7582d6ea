// Account → Language and time zone: what the account's emails and texts are written in, and the
// time zone their times are given in. Each profile's display language is set on the profile.
import type { z } from "zod";
import type { languageSettingsResponse } from "../../../../contract/schemas/language";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type LanguageSettings = z.infer<typeof languageSettingsResponse>;

export const changeLanguageSettings = (settings: LanguageSettings): Promise<LanguageSettings> =>
  call(() => usher.PUT("/api/v1/account/language", { body: settings }));
