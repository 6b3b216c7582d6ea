// The catalogue the API serves: what the web app, the TV simulator and players show and play.
import { z } from "zod";

import { genres } from "../genres";

export { type Genre, genres } from "../genres";

/** How old a viewer should be, as streaming services rate titles: for everyone, then 7+ … 18+. */
export const maturityRatings = ["All", "7+", "13+", "16+", "18+"] as const;
export type MaturityRating = (typeof maturityRatings)[number];

export const titleId = z.string().regex(/^[a-z0-9-]{1,64}$/, "a title id: 1 to 64 of a-z, 0-9 and -");

export const catalogueTitle = z.object({
  id: titleId,
  name: z.string(),
  kind: z.enum(["Series", "Film"]),
  year: z.number().int(),
  genres: z.array(z.enum(genres)).readonly(),
  blurb: z.string(),
  /** Shown on Kids profiles. */
  forKids: z.boolean(),
  rating: z.enum(maturityRatings),
});
export type CatalogueTitle = z.infer<typeof catalogueTitle>;

export const titlesResponse = z.object({ titles: z.array(catalogueTitle) });
