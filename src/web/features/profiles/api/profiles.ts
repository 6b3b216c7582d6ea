// Profiles: "Who's watching?" and Manage profiles.
import type { AvatarId } from "../../../../contract/avatars";
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { api } from "../../../lib/api-client";

export type Profile = PublicProfile;

export const listProfiles = async (): Promise<Profile[]> => (await api<{ profiles: Profile[] }>("GET", "/profiles")).profiles;

export const chooseProfile = async (id: string): Promise<Profile> =>
  (await api<{ profile: Profile }>("POST", `/profiles/${id}/choose`)).profile;

export interface ProfileFields {
  name: string;
  avatar?: AvatarId;
  isKids?: boolean;
}

export const createProfile = async (fields: ProfileFields): Promise<Profile> =>
  (await api<{ profile: Profile }>("POST", "/profiles", fields)).profile;

export const updateProfile = async (id: string, fields: Partial<ProfileFields>): Promise<Profile> =>
  (await api<{ profile: Profile }>("PATCH", `/profiles/${id}`, fields)).profile;

export const deleteProfile = (id: string): Promise<void> => api<void>("DELETE", `/profiles/${id}`);
