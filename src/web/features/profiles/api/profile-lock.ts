// Profile lock: a profile's 4-digit PIN, and the account's "Require PIN to add new profiles".
// Setting, changing or removing either carries the account password, every time (a wrong one
// is refused with WRONG_PASSWORD), however recently it was typed on this device.
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import type { Profile } from "./profiles";

export const setProfilePin = async (id: string, pin: string, currentPassword: string): Promise<Profile> =>
  (await call(() => usher.PUT("/api/v1/profiles/{id}/pin", { params: { path: { id } }, body: { pin, currentPassword } }))).profile;

export const removeProfilePin = async (id: string, currentPassword: string): Promise<Profile> =>
  (await call(() => usher.POST("/api/v1/profiles/{id}/pin/remove", { params: { path: { id } }, body: { currentPassword } }))).profile;

/** Needs the main profile (the first in the picker) to be locked: MAIN_PROFILE_NOT_LOCKED otherwise. */
export const setRequirePinToAddProfiles = async (required: boolean, currentPassword: string): Promise<boolean> =>
  (await call(() => usher.PUT("/api/v1/account/profile-lock", { body: { requirePinToAddProfiles: required, currentPassword } })))
    .requirePinToAddProfiles;
