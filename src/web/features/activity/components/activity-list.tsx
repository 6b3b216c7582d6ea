// One entry per event, newest first: what happened in words, when, from which device and IP.

import { formatDateTime, useT } from "../../../lib/i18n";
import type { ActivityEvent } from "../api/list-activity";
import { describeEvent } from "../describe-event";

export function ActivityList({ events }: { events: ActivityEvent[] }) {
  const t = useT();
  return (
    <ol className="activity" aria-label={t("account.activityList.label")}>
      {events.map((event) => {
        const { title, detail, tone } = describeEvent(event);
        return (
          <li key={event.id} className={`activity__item${tone === "warning" ? " activity__item--warning" : ""}`}>
            <p className="activity__title">{title}</p>
            {detail && <p className="activity__detail">{detail}</p>}
            <p className="activity__meta">
              <time dateTime={event.at}>{formatDateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}</time>
              {event.device && <span>{event.device}</span>}
              {event.ip && <span>{t("account.activityList.ip", { ip: event.ip })}</span>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
