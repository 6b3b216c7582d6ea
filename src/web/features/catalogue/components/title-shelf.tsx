// One row of the browse page: a genre's titles side by side, scrolling sideways on narrow
// screens. Each poster is a button that opens the title's details.
import { useId } from "react";
import type { Genre } from "../../../../contract/genres";
import { useT } from "../../../lib/i18n";
import type { Title } from "../api/list-titles";
import { genreName, titleKindName } from "../title-words";
import { Poster } from "./poster";

/** `heading` is the row's genre, named here in the shown language. */
export function TitleShelf({ heading, titles, onOpen }: { heading: Genre; titles: readonly Title[]; onOpen(title: Title): void }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="shelf" aria-labelledby={headingId}>
      <h2 id={headingId} className="shelf__heading">
        {genreName(heading)}
      </h2>
      <ul className="shelf__list">
        {titles.map((title) => (
          <li key={title.id} className="shelf__item">
            <button type="button" className="tile" onClick={() => onOpen(title)} aria-haspopup="dialog">
              <Poster title={title} decorative />
              <span className="tile__name">{title.name}</span>
              <span className="tile__meta">
                {t("watching.titleShelf.meta", { kind: titleKindName(title.kind), year: String(title.year) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
