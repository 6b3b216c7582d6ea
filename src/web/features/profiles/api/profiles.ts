// Profiles: "Who's watching?" and Manage profiles. Listing and choosing serve the TV app too,
// with its own token (a Caller).
import type { AvatarId } from "../../../../contract/avatars";
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { call } from "../../../lib/api-client";
import { type Caller, thisBrowser, usher } from "../../../lib/usher";

export type Profile = PublicProfile;

export const listProfiles = async (as: Caller = thisBrowser): Promise<Profile[]> =>
  (await call(() => as.client.GET("/api/v1/profiles"), as.options)).profiles;

/**
 * What choosing a profile may take: a locked profile's 4-digit PIN (without it the API answers
 * PROFILE_LOCKED), and, leaving a Kids profile for an unlocked one, the account password when
 * the account asks for it (without it EXIT_KIDS_PASSWORD_REQUIRED).
 */
export interface ChooseProof {
  pin?: string;
  currentPassword?: string;
}

export const chooseProfile = async (id: string, proof: ChooseProof = {}, as: Caller = thisBrowser): Promise<Profile> =>
  (await call(() => as.client.POST("/api/v1/profiles/{id}/choose", { params: { path: { id } }, body: proof }), as.options)).profile;

export interface ProfileFields {
  name: string;
  avatar?: AvatarId;
  isKids?: boolean;
  /** The main profile's PIN, when the account requires it to add profiles. */
  pin?: string;
}

export const createProfile = async (fields: ProfileFields): Promise<Profile> =>
  (await call(() => usher.POST("/api/v1/profiles", { body: fields }))).profile;

export const updateProfile = async (id: string, fields: Partial<Omit<ProfileFields, "pin">>): Promise<Profile> =>
  (await call(() => usher.PATCH("/api/v1/profiles/{id}", { params: { path: { id } }, body: fields }))).profile;

export const deleteProfile = (id: string): Promise<void> => call(() => usher.DELETE("/api/v1/profiles/{id}", { params: { path: { id } } }));
