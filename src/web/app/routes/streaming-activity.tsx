// Recent streaming activity (from Manage access and devices): what the account watched in the
// last 30 days, on which device and as which profile, newest first, with "Show more" for older
// streams.
import { useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { useSubmission } from "../../components/form/use-submission";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { listStreamingActivity, type StreamingActivityPage } from "../../features/devices/api/list-streaming-activity";
import { StreamingActivityList } from "../../features/devices/components/streaming-activity-list";
import { loaded } from "../../lib/loaded";
import "../../styles/devices-watching.css";

export const loader = async () => ({ first: await loaded(listStreamingActivity(), "Your streaming activity couldn't be loaded.") });

export default function RecentStreamingActivityPage() {
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage subpage--wide">
      <Link className="back-link" to="/account/devices">
        Manage access and devices
      </Link>
      <h1>Recent streaming activity</h1>
      <p className="subpage__lead">
        What was watched on your account in the last 30 days, newest first. Don't recognise a device?{" "}
        <Link to="/account/devices">Sign it out</Link>.
      </p>
      {first.ok ? (
        // A first page read again (Try again) starts the list afresh.
        <StreamingActivity key={first.data.streams[0]?.id ?? "none"} first={first.data} />
      ) : (
        <LoadFailed message={first.message} onRetry={() => void revalidator.revalidate()} />
      )}
    </div>
  );
}

/** The first page, then each older one "Show more" brings; a failed one keeps what is shown and says why by the button. */
function StreamingActivity({ first }: { first: StreamingActivityPage }) {
  const [shown, setShown] = useState(first);
  const more = useSubmission({ fallback: "More streaming activity couldn't be loaded." });

  async function showMore() {
    if (!shown.nextCursor) return;
    const older = await more.run(() => listStreamingActivity(shown.nextCursor));
    if (older.ok) setShown({ streams: [...shown.streams, ...older.value.streams], nextCursor: older.value.nextCursor });
  }

  if (shown.streams.length === 0) return <p className="empty">Nothing watched in the last 30 days.</p>;
  return (
    <>
      <StreamingActivityList streams={shown.streams} />
      {more.errors.form && <Alert tone="error">{more.errors.form}</Alert>}
      {shown.nextCursor ? (
        <div className="activity__more">
          <button type="button" className="button button--secondary" onClick={() => void showMore()} disabled={more.pending}>
            {more.pending ? "Loading…" : "Show more"}
          </button>
        </div>
      ) : (
        <p className="activity__end">Nothing older in the last 30 days.</p>
      )}
    </>
  );
}
