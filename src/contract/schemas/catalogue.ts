// The catalogue the API serves: what the web app, the TV simulator and players show and play.
import { z } from "zod";
import { genres } from "../genres";
import { maturityRatings } from "../maturity-ratings";

export { type Genre, genres } from "../genres";
export { type MaturityRating, maturityRatings } from "../maturity-ratings";

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
export const titleResponse = z.object({ title: catalogueTitle });
