// A profile as clients see it (no PIN hash, no account id).
import type { PublicProfile } from "../../contract/schemas/profiles";
import type { ProfileRecord } from "./ports";

export function toPublicProfile(profile: ProfileRecord): PublicProfile {
  return {
    id: profile.id,
    name: profile.name,
    avatar: profile.avatar,
    isKids: profile.isKids,
    position: profile.position,
    locked: profile.pinHash !== null,
    language: profile.language,
  };
}

/** Profile names are shown as typed, but never with control characters or odd spacing. */
export function cleanProfileName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}
