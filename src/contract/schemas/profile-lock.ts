// Profile lock: a 4-digit PIN on a profile, and the account option to need it for new profiles.
import { z } from "zod";

export const profilePin = z.string().regex(/^\d{4}$/, "The PIN has 4 digits.");
export const setProfilePinRequest = z.strictObject({ pin: profilePin });
// No body at all (null to the validator) chooses an unlocked profile, as before.
export const chooseProfileRequest = z.strictObject({ pin: profilePin.optional() }).nullish();
export const profileLockSettingRequest = z.strictObject({ requirePinToAddProfiles: z.boolean() });
export const profileLockSettingResponse = z.object({ requirePinToAddProfiles: z.boolean() });
