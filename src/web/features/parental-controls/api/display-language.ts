// A profile's display language: a setting of the profile like its name (no password of its
// own), changed from Profile & Parental Controls, which the password has already opened.
import type { Language } from "../../../../contract/languages";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export const setDisplayLanguage = async (profileId: string, language: Language): Promise<Language> =>
  (await call(() => usher.PATCH("/api/v1/profiles/{id}", { params: { path: { id: profileId } }, body: { language } }))).profile.language;
