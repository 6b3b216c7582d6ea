import { describe, expect, it } from "vitest";
import type { ParentalControls } from "./api/parental-controls";
import { MATCHES_SHOWN, searchTitles } from "./search-titles";

type Title = ParentalControls["titles"][number];

const title = (name: string): Title => ({
  id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
  name,
  kind: "Series",
  year: 2024,
  genres: ["Family"],
  blurb: "",
  forKids: true,
  rating: "All",
});

const catalogue = [title("Captain Pebble"), title("Paper Planets"), title("Tide Pool Detectives"), title("Moon Bakery")];

describe("searching the catalogue for a title to block", () => {
  it("finds titles whose name holds what was typed, in any case", () => {
    expect(searchTitles(catalogue, "PEB").shown.map((t) => t.name)).toEqual(["Captain Pebble"]);
    expect(searchTitles(catalogue, "p").shown.map((t) => t.name)).toEqual(["Captain Pebble", "Paper Planets", "Tide Pool Detectives"]);
  });

  it("lists nothing before anything is typed, and nothing when no name matches", () => {
    expect(searchTitles(catalogue, "   ")).toEqual({ shown: [], total: 0 });
    expect(searchTitles(catalogue, "orbit")).toEqual({ shown: [], total: 0 });
  });

  it(`shows at most ${MATCHES_SHOWN} matches and counts the rest`, () => {
    const many = Array.from({ length: 12 }, (_, i) => title(`Season ${i + 1}`));
    const found = searchTitles(many, "season");
    expect(found.shown).toHaveLength(MATCHES_SHOWN);
    expect(found.total).toBe(12);
  });
});
