// A title's words in the shown language: its kind ("Film", "Series") and its genres, which the
// catalogue serves as fixed English codes. The title's own name and story are data, never translated.
import type { Genre } from "../../../contract/genres";
import type { CatalogueTitle } from "../../../contract/schemas/catalogue";
import { activeLanguage, type MessageId, t } from "../../lib/i18n";

const genreIds: Record<Genre, MessageId> = {
  Drama: "watching.genre.drama",
  Comedy: "watching.genre.comedy",
  "Sci-fi": "watching.genre.sciFi",
  Thriller: "watching.genre.thriller",
  Documentary: "watching.genre.documentary",
  Family: "watching.genre.family",
  Animation: "watching.genre.animation",
};

/** "Drama", "Sci-fi": a browse row's heading. */
export const genreName = (genre: Genre): string => t(genreIds[genre]);

/** "Drama, Comedy": a title's genres, listed as the shown language lists words. */
export const genreList = (genres: readonly Genre[]): string =>
  new Intl.ListFormat(activeLanguage(), { type: "unit", style: "short" }).format(genres.map(genreName));

/** "Film", "Series". */
export const titleKindName = (kind: CatalogueTitle["kind"]): string =>
  t(kind === "Film" ? "watching.titleKind.film" : "watching.titleKind.series");
