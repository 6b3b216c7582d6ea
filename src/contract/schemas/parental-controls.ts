// Profile & Parental Controls: what one profile may watch (a maturity rating and blocked
// titles), its lock and its viewing activity. Reading or changing them always takes the account
// password (`currentPassword`), whatever the re-authentication window, and never from a Kids profile.
import { z } from "zod";
import { maturityRatings } from "../maturity-ratings";
import { catalogueTitle, titleId } from "./catalogue";
import { passwordInput, timestamp } from "./common";
import { languageCode } from "./language";

export { kidsDefaultRating, kidsHighestRating } from "../maturity-ratings";
/** Enough for any catalogue's worth of blocks a household keeps by hand. */
export const maxRestrictedTitles = 200;

const maturityRating = z.enum(maturityRatings);

export const viewingActivityEntry = z.object({
  titleId: z.string(),
  titleName: z.string(),
  startedAt: timestamp,
  deviceName: z.string().nullable(),
});

export const parentalControls = z.object({
  profileId: z.string(),
  profileName: z.string(),
  isKids: z.boolean(),
  /** The highest rating this profile may watch. */
  maxRating: maturityRating,
  /** Titles blocked on this profile whatever their rating, in catalogue order. */
  restrictedTitles: z.array(catalogueTitle),
  /** The whole catalogue, to choose blocks from. */
  titles: z.array(catalogueTitle),
  /** Whether choosing the profile needs its PIN. */
  locked: z.boolean(),
  /** Account-wide: leaving any Kids profile asks for the account password. */
  askPasswordToExitKids: z.boolean(),
  /** The profile's display language (changed like its name, with PATCH /profiles/{id}). */
  language: languageCode,
  /** What this profile watched lately, newest first. */
  viewingActivity: z.array(viewingActivityEntry),
});
export type ParentalControls = z.infer<typeof parentalControls>;

export const parentalControlsResponse = z.object({ parentalControls });

/** A POST, not a GET: it carries the password. */
export const openParentalControlsRequest = z.strictObject({ currentPassword: passwordInput });

export const updateParentalControlsRequest = z
  .strictObject({
    currentPassword: passwordInput,
    maxRating: maturityRating.optional(),
    restrictedTitleIds: z.array(titleId).max(maxRestrictedTitles).optional(),
    askPasswordToExitKids: z.boolean().optional(),
  })
  .refine((body) => body.maxRating !== undefined || body.restrictedTitleIds !== undefined || body.askPasswordToExitKids !== undefined, {
    message: "Send at least one setting to change.",
  });
