// Recent streaming activity, one entry per stream, newest first: the title, the profile that
// watched it, when it started and for how long (or that it is playing now), and on which device.

import { DeviceIcon } from "../../../components/ui/device-icon";
import type { WatchedStream } from "../api/list-streaming-activity";
import { watchedFor } from "../watched-for";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function StreamingActivityList({ streams }: { streams: WatchedStream[] }) {
  return (
    <ol className="streams" aria-label="Recent streaming activity, newest first">
      {streams.map((stream) => (
        <li key={stream.id} className="streams__item">
          <DeviceIcon kind={stream.device.kind} />
          <div className="streams__text">
            <p className="streams__title">{stream.title.name}</p>
            <p className="streams__meta">
              {stream.profileName === null ? (
                <span className="streams__no-profile">No profile</span>
              ) : (
                <span>
                  <span className="visually-hidden">Profile: </span>
                  {stream.profileName}
                </span>
              )}
              <span>
                <span className="visually-hidden">Device: </span>
                {stream.device.name}
              </span>
            </p>
            <p className="streams__meta">
              <time dateTime={stream.startedAt}>{when.format(new Date(stream.startedAt))}</time>
              {stream.endedAt === null ? (
                <span className="badge badge--ok">Watching now</span>
              ) : (
                <span>Watched for {watchedFor(stream.startedAt, stream.endedAt)}</span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
