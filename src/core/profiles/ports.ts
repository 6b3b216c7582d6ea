// What profile use cases need stored: the profiles of an account.
import type { AvatarId } from "../../contract/avatars";
import type { Language } from "../../contract/languages";
import type { MaturityRating } from "../../contract/schemas/catalogue";

export interface ProfileRecord {
  id: string;
  accountId: string;
  name: string;
  avatar: AvatarId;
  isKids: boolean;
  pinHash: string | null;
  position: number;
  createdAt: Date;
  /** The highest maturity rating the profile may watch. */
  maxRating: MaturityRating;
  /** Title ids blocked on this profile whatever their rating. */
  restrictedTitles: string[];
  /** The language the apps show once this profile is chosen. */
  language: Language;
}

export interface ProfilePatch {
  name?: string;
  avatar?: AvatarId;
  isKids?: boolean;
  maxRating?: MaturityRating;
  restrictedTitles?: string[];
  language?: Language;
}

export interface ProfileStore {
  listByAccount(accountId: string): Promise<ProfileRecord[]>;
  find(accountId: string, profileId: string): Promise<ProfileRecord | null>;
  /** Answers false when the name is taken in this account. */
  create(profile: ProfileRecord): Promise<boolean>;
  /** Answers "not_found", "name_taken" or the updated profile. */
  update(accountId: string, profileId: string, patch: ProfilePatch): Promise<ProfileRecord | "not_found" | "name_taken">;
  delete(accountId: string, profileId: string): Promise<boolean>;
  // ---- profile lock ----
  /** Sets or clears (null) a profile's PIN digest; false when the profile isn't the account's. */
  setPin(accountId: string, profileId: string, pinHash: string | null): Promise<boolean>;
  requiresPinToAdd(accountId: string): Promise<boolean>;
  setRequirePinToAdd(accountId: string, required: boolean): Promise<void>;
  // ---- parental controls ----
  asksPasswordToExitKids(accountId: string): Promise<boolean>;
  setAskPasswordToExitKids(accountId: string, asked: boolean): Promise<void>;
}
