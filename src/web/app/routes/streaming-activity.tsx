// Recent streaming activity (from Manage access and devices): what the account watched in the
// last 30 days, on which device and as which profile, newest first, with "Show more" for older
// streams.
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { type ListPage, ShowMoreList } from "../../components/ui/show-more-list";
import { listStreamingActivity, type StreamingActivityPage, type WatchedStream } from "../../features/devices/api/list-streaming-activity";
import { StreamingActivityList } from "../../features/devices/components/streaming-activity-list";
import { loaded } from "../../lib/loaded";
import "../../styles/devices-watching.css";

export const loader = async () => ({ first: await loaded(listStreamingActivity(), "Your streaming activity couldn't be loaded.") });

export default function RecentStreamingActivityPage() {
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage">
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

const pageOf = ({ streams, nextCursor }: StreamingActivityPage): ListPage<WatchedStream> => ({ items: streams, nextCursor });

function StreamingActivity({ first }: { first: StreamingActivityPage }) {
  return (
    <ShowMoreList
      first={pageOf(first)}
      loadMore={async (cursor) => pageOf(await listStreamingActivity(cursor))}
      failed="More streaming activity couldn't be loaded."
      empty="Nothing watched in the last 30 days."
      end="Nothing older in the last 30 days."
    >
      {(streams) => <StreamingActivityList streams={streams} />}
    </ShowMoreList>
  );
}
