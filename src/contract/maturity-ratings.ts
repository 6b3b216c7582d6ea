// How old a viewer should be, as streaming services rate titles: for everyone, then 7+ … 18+.
// Apart from the schemas: the web app's Parental Controls page labels its choices with them,
// and they alone must not bring the schema library into a page.
export const maturityRatings = ["All", "7+", "13+", "16+", "18+"] as const;
export type MaturityRating = (typeof maturityRatings)[number];

/** A new Kids profile's rating, and the highest one a Kids profile may have. */
export const kidsDefaultRating: MaturityRating = "7+";
export const kidsHighestRating: MaturityRating = "13+";
