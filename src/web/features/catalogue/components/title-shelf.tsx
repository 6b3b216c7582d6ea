// One row of the browse page: a genre's titles side by side, scrolling sideways on narrow
// screens. Each poster is a button that opens the title's details.
import { useId } from "react";
import type { Title } from "../api/list-titles";
import { Poster } from "./poster";

export function TitleShelf({ heading, titles, onOpen }: { heading: string; titles: readonly Title[]; onOpen(title: Title): void }) {
  const headingId = useId();
  return (
    <section className="shelf" aria-labelledby={headingId}>
      <h2 id={headingId} className="shelf__heading">
        {heading}
      </h2>
      <ul className="shelf__list">
        {titles.map((title) => (
          <li key={title.id} className="shelf__item">
            <button type="button" className="tile" onClick={() => onOpen(title)} aria-haspopup="dialog">
              <Poster title={title} decorative />
              <span className="tile__name">{title.name}</span>
              <span className="tile__meta">
                {title.kind} · {title.year}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
