// Whether the profile a session watches as may watch a title: the rule Usher applies itself when a
// stream starts, for a service to apply before it hands out a manifest or asks Usher for a stream.
// The claims say what the profile may watch; the title's rating and Kids flag come from Usher's
// catalogue (GET /api/v1/titles).
import { type MaturityRating, maturityRatings, type SessionClaims } from "./claims.js";

/** What decides who may watch a title, as Usher's catalogue lists it. */
export interface RatedTitle {
  readonly id: string;
  readonly rating: MaturityRating;
  readonly forKids: boolean;
}

export function mayWatch(claims: Pick<SessionClaims, "profile">, title: RatedTitle): boolean {
  const { profile } = claims;
  // No profile chosen yet is the account holder's own view: nothing is held back from it.
  if (!profile) return true;
  if (profile.kids && !title.forKids) return false;
  if (profile.restricted_titles.includes(title.id)) return false;
  const rating = maturityRatings.indexOf(title.rating);
  // A title often comes from parsed JSON: a rating this version doesn't know is held back, not shown.
  return rating >= 0 && rating <= maturityRatings.indexOf(profile.max_rating);
}
