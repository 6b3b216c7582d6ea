// Profile & Parental Controls → Viewing activity: what the profile watched lately, newest first,
// with the device and when it started (worded as Recent streaming activity words it).
import { formatDateTime, Message, useT } from "../../../lib/i18n";
import type { ParentalControls } from "../api/parental-controls";

const when: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

export function ViewingActivity({ profileName, activity }: { profileName: string; activity: ParentalControls["viewingActivity"] }) {
  const t = useT();
  if (activity.length === 0) return <p className="parental__none">{t("profiles.viewingActivity.none", { name: profileName })}</p>;
  return (
    <ol className="parental__activity" aria-label={t("profiles.viewingActivity.list", { name: profileName })}>
      {activity.map((entry) => (
        <li key={`${entry.titleId}-${entry.startedAt}`} className="parental__watched">
          <span className="parental__title-name">{entry.titleName}</span>
          <span className="parental__title-meta">
            <time dateTime={entry.startedAt}>{formatDateTime(entry.startedAt, when)}</time>
            {entry.deviceName && (
              <span>
                {/* Only screen readers hear what the name is: the eye sees it beside the time. */}
                <Message
                  id="profiles.viewingActivity.device"
                  values={{ device: entry.deviceName }}
                  components={{ 0: <span className="visually-hidden" /> }}
                />
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
