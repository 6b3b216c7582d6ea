// What a profile may watch: titles rated at or below its maturity rating, not blocked on it by
// name, and on a Kids profile only titles made for children. A device with no profile chosen yet
// watches as the account holder, who may watch everything. The verifier (usher/verifier) applies
// the same rule to the claims it caches, so a platform service refuses what Usher refuses.
import { kidsDefaultRating, kidsHighestRating, type MaturityRating, maturityRatings } from "../../contract/maturity-ratings";
import type { CatalogueTitle } from "../../contract/schemas/catalogue";
import type { ProfileRecord } from "../profiles/ports";
import { catalogue } from "./titles";

export type ViewingLimits = Pick<ProfileRecord, "isKids" | "maxRating" | "restrictedTitles">;

const rank = (rating: MaturityRating) => maturityRatings.indexOf(rating);

/** Whether `rating` is at or below `limit`. */
export const ratedWithin = (rating: MaturityRating, limit: MaturityRating): boolean => rank(rating) <= rank(limit);

export function mayWatch(profile: ViewingLimits | null, title: CatalogueTitle): boolean {
  if (!profile) return true;
  return ratedWithin(title.rating, profile.maxRating) && !profile.restrictedTitles.includes(title.id) && (!profile.isKids || title.forKids);
}

/** The catalogue as this profile sees it. */
export function titlesFor(profile: ViewingLimits | null): CatalogueTitle[] {
  return catalogue.filter((title) => mayWatch(profile, title));
}

/** A new profile's rating: every title for adults, 7+ for Kids. */
export const defaultMaxRating = (isKids: boolean): MaturityRating => (isKids ? kidsDefaultRating : "18+");

/** Whether a profile with this Kids flag may be given this rating. */
export const allowedRating = (isKids: boolean, rating: MaturityRating): boolean => !isKids || ratedWithin(rating, kidsHighestRating);
