// One title in Title restrictions (a search match or a blocked title): its name, what it is and
// its rating, and what can be done with it.
import type { ReactNode } from "react";
import type { ParentalControls } from "../api/parental-controls";

export type Title = ParentalControls["titles"][number];

export function TitleItem({ title, children }: { title: Title; children: ReactNode }) {
  return (
    <li className="parental__title">
      <span className="parental__title-text">
        <span className="parental__title-name">{title.name}</span>
        <span className="parental__title-meta">
          {title.kind} · {title.year} · Rated {title.rating}
        </span>
      </span>
      {children}
    </li>
  );
}
