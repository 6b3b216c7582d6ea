// The browse page's rows: the titles the API served, grouped by genre in the catalogue's order
// of genres. Posters are drawn from each title's name (components/poster.tsx).
import { type Genre, genres } from "../../../contract/genres";
import type { CatalogueTitle } from "../../../contract/schemas/catalogue";

/** The rows of the browse page: one per genre that has something to show. */
export function rowsByGenre(visible: readonly CatalogueTitle[]): { genre: Genre; titles: CatalogueTitle[] }[] {
  return genres
    .map((genre) => ({ genre, titles: visible.filter((title) => title.genres.includes(genre)) }))
    .filter((row) => row.titles.length > 0);
}
