// A maturity rating in the owner's words, in the shown language: a radio's label ("13+ and
// below"), and the sentences saying what a profile with it sees ("titles rated 13+ and below").
// The rating is the highest one the profile may watch; its code ("13+") is the same in every language.
import { kidsHighestRating, type MaturityRating, maturityRatings } from "../../../contract/maturity-ratings";
import { t } from "../../lib/i18n";

export type { MaturityRating };
export { maturityRatings };

/** "All ages", "7+ and below", … "18+ and below". */
export const ratingLabel = (rating: MaturityRating): string =>
  rating === "All" ? t("profiles.ratingWords.allAges") : t("profiles.ratingWords.andBelow", { rating });

/** Said when the rating chosen is the one the profile has already. */
export const alreadyRated = (name: string, rating: MaturityRating): string =>
  rating === "All" ? t("profiles.ratingWords.alreadyAllAges", { name }) : t("profiles.ratingWords.alreadyAndBelow", { name, rating });

/** Said once a new rating is saved. */
export const savedRating = (name: string, rating: MaturityRating): string =>
  rating === "All" ? t("profiles.ratingWords.savedAllAges", { name }) : t("profiles.ratingWords.savedAndBelow", { name, rating });

/** A Kids profile may go up to 13+ (the API refuses more with KIDS_RATING_TOO_HIGH). */
export const allowedFor = (isKids: boolean, rating: MaturityRating): boolean =>
  !isKids || maturityRatings.indexOf(rating) <= maturityRatings.indexOf(kidsHighestRating);

export const kidsLimitHint = (): string => t("profiles.ratingWords.kidsLimit", { rating: kidsHighestRating });
