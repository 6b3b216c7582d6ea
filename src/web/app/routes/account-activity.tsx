// Account activity (Security & Privacy): sign-ins with device and IP, failed attempts and every
// security change, newest first, with "Show more" for older entries.
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { type ListPage, ShowMoreList } from "../../components/ui/show-more-list";
import { type ActivityEvent, type ActivityPage, listActivity } from "../../features/activity/api/list-activity";
import { ActivityList } from "../../features/activity/components/activity-list";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ first: await loaded(listActivity(), "Your account activity couldn't be loaded.") });

export default function AccountActivityPage() {
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Account activity</h1>
      <p className="subpage__lead">
        Sign-ins, failed attempts and security changes on your account, newest first. Don't recognise something?{" "}
        <Link to="/secure-account">Secure your account</Link>.
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
  return (
    <ShowMoreList
      first={pageOf(first)}
      loadMore={async (cursor) => pageOf(await listActivity(cursor))}
      failed="More activity couldn't be loaded."
      empty="No activity on your account yet."
      end="No older activity."
    >
      {(events) => <ActivityList events={events} />}
    </ShowMoreList>
  );
}
