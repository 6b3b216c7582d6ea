// Title restrictions → "Blocked on this profile": each blocked title with Unblock.
import { type RefObject, useId } from "react";
import { useT } from "../../../lib/i18n";
import { type Title, TitleItem } from "./title-item";

interface BlockedTitlesProps {
  titles: readonly Title[];
  onUnblock(title: Title): void;
  busy: boolean;
  /** The list's heading: focus goes to it after an Unblock takes the pressed button away. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function BlockedTitles({ titles, onUnblock, busy, headingRef }: BlockedTitlesProps) {
  const t = useT();
  const headingId = useId();
  return (
    <div className="parental__blocked">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("profiles.blockedTitles.heading")}
      </h3>
      {titles.length === 0 ? (
        <p className="parental__none">{t("profiles.blockedTitles.none")}</p>
      ) : (
        <ul className="parental__titles" aria-labelledby={headingId}>
          {titles.map((title) => (
            <TitleItem key={title.id} title={title}>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t("profiles.blockedTitles.unblockTitle", { title: title.name })}
                disabled={busy}
                onClick={() => onUnblock(title)}
              >
                {t("profiles.blockedTitles.unblock")}
              </button>
            </TitleItem>
          ))}
        </ul>
      )}
    </div>
  );
}
