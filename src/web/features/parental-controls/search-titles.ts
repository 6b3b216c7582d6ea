// The title search of "Title restrictions": catalogue titles whose name holds what was typed,
// in any case, as the owner types; a few at a time, so a short query doesn't list the catalogue.
import type { ParentalControls } from "./api/parental-controls";

type Title = ParentalControls["titles"][number];

/** How many matches are listed at once: a longer name narrows them down. */
export const MATCHES_SHOWN = 8;

export interface TitleMatches {
  shown: Title[];
  /** Every match, the shown ones included. */
  total: number;
}

export function searchTitles(titles: readonly Title[], query: string): TitleMatches {
  const wanted = query.trim().toLocaleLowerCase();
  if (!wanted) return { shown: [], total: 0 };
  const matches = titles.filter((title) => title.name.toLocaleLowerCase().includes(wanted));
  return { shown: matches.slice(0, MATCHES_SHOWN), total: matches.length };
}
