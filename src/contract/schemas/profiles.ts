// Profiles: "Who's watching?"
import { z } from "zod";
import { avatarIds } from "../avatars";
import { text } from "./common";
import { languageCode } from "./language";
import { profilePin } from "./profile-lock";

export const maxProfilesPerAccount = 5;

const avatarId = z.enum(avatarIds);
export const profileName = text().trim().min(1).max(50);

export const publicProfile = z.object({
  id: z.string(),
  name: z.string(),
  avatar: avatarId,
  isKids: z.boolean(),
  position: z.number().int(),
  /** Choosing it needs its 4-digit PIN. */
  locked: z.boolean(),
  /** The display language the apps show once it is chosen. */
  language: languageCode,
});
export type PublicProfile = z.infer<typeof publicProfile>;

export const profileListResponse = z.object({ profiles: z.array(publicProfile) });

export const createProfileRequest = z.strictObject({
  name: profileName,
  avatar: avatarId.optional(),
  isKids: z.boolean().optional(),
  /** The main profile's PIN, when the account requires it to add profiles. */
  pin: profilePin.optional(),
});

export const updateProfileRequest = z
  .strictObject({
    name: profileName.optional(),
    avatar: avatarId.optional(),
    isKids: z.boolean().optional(),
    language: languageCode.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Send at least one field to change." });

export const profileResponse = z.object({ profile: publicProfile });
