// Account activity (Security & Privacy): sign-ins with device and IP, failed attempts and every
// security change, newest first, with "Show more" for older entries.
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { type ListPage, ShowMoreList } from "../../components/ui/show-more-list";
import { type ActivityEvent, type ActivityPage, listActivity } from "../../features/activity/api/list-activity";
import { ActivityList } from "../../features/activity/components/activity-list";
import { Message, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ first: await loaded(listActivity(), "account.activity.loadFailed") });

export default function AccountActivityPage() {
  const t = useT();
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.activity.back")}
      </Link>
      <h1>{t("account.activity.title")}</h1>
      <p className="subpage__lead">
        <Message id="account.activity.lead" components={{ 0: <Link to="/secure-account" /> }} />
      </p>
      {first.ok ? (
        // A first page read again starts the list afresh.
        <Activity key={first.data.events[0]?.id ?? "none"} first={first.data} />
      ) : (
        <LoadFailed message={first.message} onRetry={() => void revalidator.revalidate()} />
      )}
    </div>
  );
}

const pageOf = ({ events, nextCursor }: ActivityPage): ListPage<ActivityEvent> => ({ items: events, nextCursor });

function Activity({ first }: { first: ActivityPage }) {
  const t = useT();
  return (
    <ShowMoreList
      first={pageOf(first)}
      loadMore={async (cursor) => pageOf(await listActivity(cursor))}
      failed={t("account.activity.moreFailed")}
      empty={t("account.activity.empty")}
      end={t("account.activity.end")}
    >
      {(events) => <ActivityList events={events} />}
    </ShowMoreList>
  );
}
