// Title restrictions → the search: catalogue titles matching what is typed, as it is typed,
// each with Block (or marked Blocked when it already is). The count is announced, so a screen
// reader hears what a keystroke found without the list being read out each time.
import type { RefObject } from "react";
import { TextField } from "../../../components/ui/text-field";
import { useT } from "../../../lib/i18n";
import { searchTitles } from "../search-titles";
import { type Title, TitleItem } from "./title-item";

interface TitleSearchProps {
  titles: readonly Title[];
  blockedIds: readonly string[];
  query: string;
  onQuery(query: string): void;
  onBlock(title: Title): void;
  busy: boolean;
  /** Holds the search box: focus returns to it after a Block. */
  boxRef: RefObject<HTMLDivElement | null>;
}

export function TitleSearch({ titles, blockedIds, query, onQuery, onBlock, busy, boxRef }: TitleSearchProps) {
  const t = useT();
  const { shown, total } = searchTitles(titles, query);
  const searching = query.trim() !== "";
  return (
    <div className="parental__search" ref={boxRef}>
      <TextField
        label={t("profiles.titleSearch.label")}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      <p role="status" className={total === 0 && searching ? "parental__no-match" : "visually-hidden"}>
        {!searching
          ? ""
          : total === 0
            ? t("profiles.titleSearch.noMatch", { query: query.trim() })
            : t("profiles.titleSearch.matches", { count: total })}
      </p>
      {shown.length > 0 && (
        <ul className="parental__titles" aria-label={t("profiles.titleSearch.matching")}>
          {shown.map((title) =>
            blockedIds.includes(title.id) ? (
              <TitleItem key={title.id} title={title}>
                <span className="badge badge--warn">{t("profiles.titleSearch.blocked")}</span>
              </TitleItem>
            ) : (
              <TitleItem key={title.id} title={title}>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t("profiles.titleSearch.blockTitle", { title: title.name })}
                  disabled={busy}
                  onClick={() => onBlock(title)}
                >
                  {t("profiles.titleSearch.block")}
                </button>
              </TitleItem>
            ),
          )}
        </ul>
      )}
      {total > shown.length && <p className="field__hint">{t("profiles.titleSearch.showing", { shown: shown.length, total })}</p>}
    </div>
  );
}
