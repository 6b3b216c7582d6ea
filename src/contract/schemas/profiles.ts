// Profiles: "Who's watching?"
import { z } from "zod";
import { avatarIds } from "../avatars";

export const maxProfilesPerAccount = 5;

export const avatarId = z.enum(avatarIds);
export const profileName = z.string().trim().min(1).max(50);

export const publicProfile = z.object({
  id: z.string(),
  name: z.string(),
  avatar: avatarId,
  isKids: z.boolean(),
  position: z.number().int(),
});
export type PublicProfile = z.infer<typeof publicProfile>;

export const profileListResponse = z.object({ profiles: z.array(publicProfile) });

export const createProfileRequest = z.strictObject({
  name: profileName,
  avatar: avatarId.optional(),
  isKids: z.boolean().optional(),
});
export type CreateProfileRequest = z.infer<typeof createProfileRequest>;

export const updateProfileRequest = z
  .strictObject({
    name: profileName.optional(),
    avatar: avatarId.optional(),
    isKids: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Send at least one field to change." });
export type UpdateProfileRequest = z.infer<typeof updateProfileRequest>;

export const profileResponse = z.object({ profile: publicProfile });
