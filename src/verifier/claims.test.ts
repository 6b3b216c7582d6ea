// Reading Usher's introspection answer: a live session only with every claim a service relies on,
// the profile's parental controls included, and nothing but what the claims name.
import { describe, expect, it } from "vitest";
import { introspected } from "./claims.js";

const ROBIN = { id: "prof_robin", name: "Robin", kids: true, max_rating: "7+", restricted_titles: ["cold-ledger"] };

const answer = (profile: unknown) => ({
  active: true,
  sub: "acc-jo",
  sid: "sid-jo",
  exp: 2_000_000_000,
  iat: 1_700_000_000,
  auth_time: 1_700_000_000,
  token_type: "Bearer",
  aal: 1,
  plan: "standard",
  device: { kind: "tv", name: "Living room" },
  profile,
});

describe("introspected", () => {
  it("reads the chosen profile with its maturity rating and blocked titles", () => {
    const read = introspected(answer(ROBIN));
    expect(read).toEqual({
      active: true,
      claims: {
        sub: "acc-jo",
        sid: "sid-jo",
        exp: 2_000_000_000,
        iat: 1_700_000_000,
        auth_time: 1_700_000_000,
        aal: 1,
        plan: "standard",
        device: { kind: "tv", name: "Living room" },
        profile: ROBIN,
      },
    });
  });

  it("reads a session with no profile chosen", () => {
    expect(introspected(answer(null))).toMatchObject({ active: true, claims: { profile: null } });
  });

  it("takes a profile without its parental controls, or with ones Usher doesn't give, for no answer", () => {
    const { max_rating: _rating, ...withoutRating } = ROBIN;
    const { restricted_titles: _titles, ...withoutBlocks } = ROBIN;
    for (const profile of [
      withoutRating,
      withoutBlocks,
      { ...ROBIN, max_rating: "21+" },
      { ...ROBIN, max_rating: 7 },
      { ...ROBIN, max_rating: null },
      { ...ROBIN, restricted_titles: "cold-ledger" },
      { ...ROBIN, restricted_titles: [7] },
      { ...ROBIN, restricted_titles: null },
      { ...ROBIN, kids: "yes" },
      undefined,
      [],
    ]) {
      expect(introspected(answer(profile)), JSON.stringify(profile)).toBeNull();
    }
  });

  it("passes on none of what the profile claim doesn't name, and freezes what it hands out", () => {
    const read = introspected(answer({ ...ROBIN, pin: "1234" }));
    if (!read?.active) throw new Error("expected a live session");
    expect(read.claims.profile).toEqual(ROBIN);
    expect(Object.isFrozen(read.claims.profile)).toBe(true);
    expect(Object.isFrozen(read.claims.profile?.restricted_titles)).toBe(true);
  });

  it("keeps its own copy of the blocked titles", () => {
    const restricted = ["cold-ledger"];
    const read = introspected(answer({ ...ROBIN, restricted_titles: restricted }));
    restricted.push("orbit-of-ash");
    expect(read).toMatchObject({ claims: { profile: { restricted_titles: ["cold-ledger"] } } });
  });

  it("reads active: false as signed out", () => {
    expect(introspected({ active: false })).toEqual({ active: false });
  });
});
