// Recent streaming activity (from Manage access and devices): what the account watched in the
// last 30 days, on which device and as which profile, newest first, with "Show more" for older
// streams.
import { Link, useLoaderData, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { type ListPage, ShowMoreList } from "../../components/ui/show-more-list";
import { listStreamingActivity, type StreamingActivityPage, type WatchedStream } from "../../features/devices/api/list-streaming-activity";
import { StreamingActivityList } from "../../features/devices/components/streaming-activity-list";
import { Message, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import "../../styles/devices-watching.css";

export const loader = async () => ({ first: await loaded(listStreamingActivity(), "devices.streamingActivity.loadFailed") });

export default function RecentStreamingActivityPage() {
  const t = useT();
  const { first } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account/devices">
        {t("devices.streamingActivity.back")}
      </Link>
      <h1>{t("devices.streamingActivity.title")}</h1>
      <p className="subpage__lead">
        <Message id="devices.streamingActivity.lead" components={{ 0: <Link to="/account/devices" /> }} />
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
  const t = useT();
  return (
    <ShowMoreList
      first={pageOf(first)}
      loadMore={async (cursor) => pageOf(await listStreamingActivity(cursor))}
      failed={t("devices.streamingActivity.moreFailed")}
      empty={t("devices.streamingActivity.empty")}
      end={t("devices.streamingActivity.end")}
    >
      {(streams) => <StreamingActivityList streams={streams} />}
    </ShowMoreList>
  );
}
