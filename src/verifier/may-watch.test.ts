// The parental-controls rule over a session's claims: the same answers Usher gives when a stream starts.
import { describe, expect, it } from "vitest";
import { maturityRatings as contractRatings } from "../contract/schemas/catalogue.js";
import { type MaturityRating, maturityRatings, type ProfileClaim } from "./claims.js";
import { mayWatch, type RatedTitle } from "./may-watch.js";

const ORBIT_OF_ASH: RatedTitle = { id: "orbit-of-ash", rating: "18+", forKids: false };
const COLD_LEDGER: RatedTitle = { id: "cold-ledger", rating: "18+", forKids: false };
const LANTERN_KEEPERS: RatedTitle = { id: "the-lantern-keepers", rating: "13+", forKids: false };
const PAPER_PLANETS: RatedTitle = { id: "paper-planets", rating: "All", forKids: true };
const TIDE_POOL_DETECTIVES: RatedTitle = { id: "tide-pool-detectives", rating: "7+", forKids: true };

const watchingAs = (profile: Partial<ProfileClaim>) => ({
  profile: { id: "prof_1", name: "Jo", kids: false, max_rating: "18+" as MaturityRating, restricted_titles: [], ...profile },
});

describe("mayWatch", () => {
  it("holds nothing back before a profile is chosen", () => {
    for (const title of [ORBIT_OF_ASH, LANTERN_KEEPERS, PAPER_PLANETS]) expect(mayWatch({ profile: null }, title)).toBe(true);
  });

  it("lets a profile watch every title rated at or below its maximum, and none above", () => {
    const teen = watchingAs({ max_rating: "13+" });
    expect(mayWatch(teen, PAPER_PLANETS)).toBe(true);
    expect(mayWatch(teen, TIDE_POOL_DETECTIVES)).toBe(true);
    expect(mayWatch(teen, LANTERN_KEEPERS)).toBe(true);
    expect(mayWatch(teen, ORBIT_OF_ASH)).toBe(false);
    for (const [i, max_rating] of maturityRatings.entries()) {
      for (const [j, rating] of maturityRatings.entries()) {
        expect(mayWatch(watchingAs({ max_rating }), { id: "t", rating, forKids: true }), `${rating} on ${max_rating}`).toBe(j <= i);
      }
    }
  });

  it("refuses a blocked title whatever its rating, and only that one", () => {
    const blocked = watchingAs({ restricted_titles: ["cold-ledger", "paper-planets"] });
    expect(mayWatch(blocked, COLD_LEDGER)).toBe(false);
    expect(mayWatch(blocked, PAPER_PLANETS)).toBe(false);
    expect(mayWatch(blocked, ORBIT_OF_ASH)).toBe(true);
  });

  it("lets a Kids profile watch only titles made for children", () => {
    const kids = watchingAs({ kids: true, max_rating: "13+" });
    expect(mayWatch(kids, PAPER_PLANETS)).toBe(true);
    expect(mayWatch(kids, TIDE_POOL_DETECTIVES)).toBe(true);
    expect(mayWatch(kids, LANTERN_KEEPERS)).toBe(false);
  });

  it("holds back a title whose rating it doesn't know", () => {
    expect(mayWatch(watchingAs({}), { id: "t", rating: "21+" as MaturityRating, forKids: true })).toBe(false);
  });

  it("knows the ratings Usher's catalogue rates titles with, in the same order", () => {
    expect(maturityRatings).toEqual(contractRatings);
  });
});
