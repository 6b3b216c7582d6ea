// Profile lock: a 4-digit PIN on a profile, and the account option to need it for new profiles.
// Every change to either carries the account password (`currentPassword`), whatever the
// re-authentication window.
import { z } from "zod";
import { passwordInput, text } from "./common";

export const profilePin = text().regex(/^\d{4}$/, "The PIN has 4 digits.");
export const setProfilePinRequest = z.strictObject({ pin: profilePin, currentPassword: passwordInput });
export const removeProfilePinRequest = z.strictObject({ currentPassword: passwordInput });
// No body at all (null to the validator) chooses an unlocked profile, as before. Leaving a Kids
// profile may also take the account password (see core/profiles/exit-kids.ts).
export const chooseProfileRequest = z.strictObject({ pin: profilePin.optional(), currentPassword: passwordInput.optional() }).nullish();
export const profileLockSettingRequest = z.strictObject({ requirePinToAddProfiles: z.boolean(), currentPassword: passwordInput });
export const profileLockSettingResponse = z.object({ requirePinToAddProfiles: z.boolean() });
