// A title's details in a modal dialog: the wide poster, what it is (with its maturity rating),
// its one-line story, and Play. Clicking outside the content (on the backdrop) closes it too.
// Opening it puts the focus on Play (showModal() focuses the first control).
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { useT } from "../../../lib/i18n";
import type { Title } from "../api/list-titles";
import { genreList, titleKindName } from "../title-words";
import { Poster } from "./poster";

export function TitleDetails({ title, onClose }: { title: Title | undefined; onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (title && !dialog.open) dialog.showModal();
    if (!title && dialog.open) dialog.close();
  }, [title]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is the pointer's way out; the keyboard's are Escape (onCancel) and Close.
    <dialog
      ref={ref}
      className="dialog title-details"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === ref.current && onClose()}
    >
      {title && (
        <div className="title-details__body">
          <Poster title={title} variant="wide" decorative className="title-details__poster" />
          <h2 id={headingId}>{title.name}</h2>
          <p className="title-details__meta">
            {t("watching.titleDetails.meta", {
              kind: titleKindName(title.kind),
              year: String(title.year),
              genres: genreList(title.genres),
            })}
            <span className="tag">{title.rating === "All" ? t("watching.titleDetails.allAges") : title.rating}</span>
            {title.forKids && <span className="tag">{t("watching.titleDetails.kids")}</span>}
          </p>
          <p dir="auto">{title.blurb}</p>
          <div className="dialog__actions">
            <Link className="button button--primary" to={`/watch/${title.id}`}>
              {t("watching.titleDetails.play")}
            </Link>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t("watching.titleDetails.close")}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
