// Account activity (Security & Privacy): sign-ins with device and IP, failed attempts and every
// security change, newest first, with "Show more" for older entries.
import { useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { type ActivityPage, listActivity } from "../../features/activity/api/list-activity";
import { ActivityList } from "../../features/activity/components/activity-list";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ first: await loaded(listActivity(), "Your account activity couldn't be loaded.") });

export default function AccountActivityPage() {
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage subpage--wide">
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

/** The first page, then each older one "Show more" brings; a failed one keeps what is shown and says why by the button. */
function Activity({ first }: { first: ActivityPage }) {
  const [shown, setShown] = useState(first);
  const more = useSubmission({ fallback: "More activity couldn't be loaded." });

  async function showMore() {
    if (!shown.nextCursor) return;
    const older = await more.run(() => listActivity(shown.nextCursor));
    if (older.ok) setShown({ events: [...shown.events, ...older.value.events], nextCursor: older.value.nextCursor });
  }

  if (shown.events.length === 0) return <p className="empty">No activity on your account yet.</p>;
  return (
    <>
      <ActivityList events={shown.events} />
      {more.errors.form && <Alert tone="error">{more.errors.form}</Alert>}
      {shown.nextCursor ? (
        <div className="activity__more">
          <button type="button" className="button button--secondary" onClick={() => void showMore()} disabled={more.pending}>
            {more.pending ? "Loading…" : "Show more"}
          </button>
        </div>
      ) : (
        <p className="activity__end">No older activity.</p>
      )}
    </>
  );
}
