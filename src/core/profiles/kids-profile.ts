// Who may use what on a Kids profile: a device watching as one may browse, switch to another
// profile (through its lock, if it has one) and sign out, and nothing else. Account settings,
// devices, security, profile settings and TV approval stay out of reach, even with the account
// password at hand: the password proves who the account holder is, not who holds the device.
// Deny by default: an operation serves a Kids profile only when it says so where it is served.

import { type Failure, fail } from "../result";
import type { ProfileRecord } from "./ports";

/** What an operation declares about Kids profiles; anything but "allowed" refuses them. */
export type KidsProfileAccess = "allowed";

/** KIDS_PROFILE when the profile in use is a Kids profile and the operation does not allow one. */
export function refuseKidsProfile(
  profile: Pick<ProfileRecord, "isKids"> | null,
  access: KidsProfileAccess | undefined,
): Failure<"KIDS_PROFILE"> | null {
  return profile?.isKids && access !== "allowed" ? fail("KIDS_PROFILE") : null;
}
