// A list read newest first, a page at a time: the first page, then each older one "Show more"
// brings. A page that fails keeps what is shown and says why by the button.
import { type ReactNode, useState } from "react";
import { useT } from "../../lib/i18n";
import { useSubmission } from "../form/use-submission";
import { Alert } from "./alert";

export interface ListPage<Item> {
  items: Item[];
  /** Null on the last page. */
  nextCursor: string | null;
}

interface ShowMoreListProps<Item> {
  first: ListPage<Item>;
  loadMore(cursor: string): Promise<ListPage<Item>>;
  /** What a failed page says. */
  failed: string;
  /** What shows when there is nothing at all, and after the last page. */
  empty: string;
  end: string;
  children(items: Item[]): ReactNode;
}

export function ShowMoreList<Item>({ first, loadMore, failed, empty, end, children }: ShowMoreListProps<Item>) {
  const t = useT();
  const [shown, setShown] = useState(first);
  const more = useSubmission({ fallback: failed });

  async function showMore() {
    if (!shown.nextCursor) return;
    const older = await more.run(() => loadMore(shown.nextCursor!));
    if (older.ok) setShown({ items: [...shown.items, ...older.value.items], nextCursor: older.value.nextCursor });
  }

  if (shown.items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      {children(shown.items)}
      {more.errors.form && <Alert tone="error">{more.errors.form}</Alert>}
      {shown.nextCursor ? (
        <div className="activity__more">
          <button type="button" className="button button--secondary" onClick={() => void showMore()} disabled={more.pending}>
            {more.pending ? t("common.showMoreList.loading") : t("common.showMoreList.showMore")}
          </button>
        </div>
      ) : (
        <p className="activity__end">{end}</p>
      )}
    </>
  );
}
