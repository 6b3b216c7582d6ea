// One part of Profile & Parental Controls: a card with its heading, which takes the keyboard
// when the page opens the settings (tabIndex -1: it can be focused, not tabbed to).
import { type ReactNode, useId } from "react";

export function ControlsSection({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="parental__section" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
