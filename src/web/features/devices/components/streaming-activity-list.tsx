// Recent streaming activity, one entry per stream, newest first: the title, the profile that
// watched it, when it started and for how long (or that it is playing now), and on which device.

import { DeviceIcon } from "../../../components/ui/device-icon";
import { formatDateTime, useT } from "../../../lib/i18n";
import type { WatchedStream } from "../api/list-streaming-activity";
import { watchedFor } from "../watched-for";

const when = (iso: string) => formatDateTime(iso, { dateStyle: "medium", timeStyle: "short" });

export function StreamingActivityList({ streams }: { streams: WatchedStream[] }) {
  const t = useT();
  return (
    <ol className="streams" aria-label={t("devices.streamingActivityList.label")}>
      {streams.map((stream) => (
        <li key={stream.id} className="streams__item">
          <DeviceIcon kind={stream.device.kind} />
          <div className="streams__text">
            <p className="streams__title">{stream.title.name}</p>
            <p className="streams__meta">
              {stream.profileName === null ? (
                <span className="streams__no-profile">{t("devices.streamingActivityList.noProfile")}</span>
              ) : (
                <span>
                  <span className="visually-hidden">{t("devices.streamingActivityList.profile")}</span>
                  {stream.profileName}
                </span>
              )}
              <span>
                <span className="visually-hidden">{t("devices.streamingActivityList.device")}</span>
                {stream.device.name}
              </span>
            </p>
            <p className="streams__meta">
              <time dateTime={stream.startedAt}>{when(stream.startedAt)}</time>
              {stream.endedAt === null ? (
                <span className="badge badge--ok">{t("devices.streamingActivityList.watchingNow")}</span>
              ) : (
                <span>{t("devices.streamingActivityList.watchedFor", { duration: watchedFor(stream.startedAt, stream.endedAt) })}</span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
