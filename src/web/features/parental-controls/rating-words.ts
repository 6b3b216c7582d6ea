// A maturity rating in the owner's words: a radio's label ("13+ and below"), and what a profile
// with it sees ("titles rated 13+ and below"). The rating is the highest one the profile may watch.
import { kidsHighestRating, type MaturityRating, maturityRatings } from "../../../contract/maturity-ratings";

export type { MaturityRating };
export { maturityRatings };

/** "All ages", "7+ and below", … "18+ and below". */
export const ratingLabel = (rating: MaturityRating): string => (rating === "All" ? "All ages" : `${rating} and below`);

/** Follows "titles rated": "for all ages", "13+ and below". */
export const ratedPhrase = (rating: MaturityRating): string => (rating === "All" ? "for all ages" : `${rating} and below`);

/** A Kids profile may go up to 13+ (the API refuses more with KIDS_RATING_TOO_HIGH). */
export const allowedFor = (isKids: boolean, rating: MaturityRating): boolean =>
  !isKids || maturityRatings.indexOf(rating) <= maturityRatings.indexOf(kidsHighestRating);

export const kidsLimitHint = `Kids profiles can watch up to ${kidsHighestRating}`;
