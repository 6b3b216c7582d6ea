// One entry per event, newest first: what happened in words, when, from which device and IP.

import type { ActivityEvent } from "../api/list-activity";
import { describeEvent } from "../describe-event";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function ActivityList({ events }: { events: ActivityEvent[] }) {
  return (
    <ol className="activity" aria-label="Account activity, newest first">
      {events.map((event) => {
        const { title, detail, tone } = describeEvent(event);
        return (
          <li key={event.id} className={`activity__item${tone === "warning" ? " activity__item--warning" : ""}`}>
            <p className="activity__title">{title}</p>
            {detail && <p className="activity__detail">{detail}</p>}
            <p className="activity__meta">
              <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
              {event.device && <span>{event.device}</span>}
              {event.ip && <span>IP {event.ip}</span>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
