// One title in Title restrictions (a search match or a blocked title): its name, what it is and
// its rating, and what can be done with it.
import type { ReactNode } from "react";
import { useT } from "../../../lib/i18n";
import type { ParentalControls } from "../api/parental-controls";

export type Title = ParentalControls["titles"][number];

export function TitleItem({ title, children }: { title: Title; children: ReactNode }) {
  const t = useT();
  const about = { year: String(title.year), rating: title.rating };
  return (
    <li className="parental__title">
      <span className="parental__title-text">
        <span className="parental__title-name">{title.name}</span>
        <span className="parental__title-meta">
          {t(title.kind === "Film" ? "profiles.titleItem.aboutFilm" : "profiles.titleItem.aboutSeries", about)}
        </span>
      </span>
      {children}
    </li>
  );
}
