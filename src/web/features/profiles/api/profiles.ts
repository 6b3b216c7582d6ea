// Profiles: "Who's watching?" and Manage profiles.
import type { AvatarId } from "../../../../contract/avatars";
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { api } from "../../../lib/api-client";

export type Profile = PublicProfile;

export const listProfiles = async (): Promise<Profile[]> => (await api<{ profiles: Profile[] }>("GET", "/profiles")).profiles;

/** A locked profile needs its 4-digit PIN: without one the API answers PROFILE_LOCKED. */
export const chooseProfile = async (id: string, pin?: string): Promise<Profile> =>
  (await api<{ profile: Profile }>("POST", `/profiles/${id}/choose`, pin === undefined ? undefined : { pin })).profile;

export interface ProfileFields {
  name: string;
  avatar?: AvatarId;
  isKids?: boolean;
  /** The main profile's PIN, when the account requires it to add profiles. */
  pin?: string;
}

export const createProfile = async (fields: ProfileFields): Promise<Profile> =>
  (await api<{ profile: Profile }>("POST", "/profiles", fields)).profile;

export const updateProfile = async (id: string, fields: Partial<Omit<ProfileFields, "pin">>): Promise<Profile> =>
  (await api<{ profile: Profile }>("PATCH", `/profiles/${id}`, fields)).profile;

export const deleteProfile = (id: string): Promise<void> => api<void>("DELETE", `/profiles/${id}`);
