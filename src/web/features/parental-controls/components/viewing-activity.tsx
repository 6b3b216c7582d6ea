// Profile & Parental Controls → Viewing activity: what the profile watched lately, newest first,
// with the device and when it started (worded as Recent streaming activity words it).
import type { ParentalControls } from "../api/parental-controls";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function ViewingActivity({ profileName, activity }: { profileName: string; activity: ParentalControls["viewingActivity"] }) {
  if (activity.length === 0) return <p className="parental__none">{profileName} hasn't watched anything yet.</p>;
  return (
    <ol className="parental__activity" aria-label={`What ${profileName} watched, newest first`}>
      {activity.map((entry) => (
        <li key={`${entry.titleId}-${entry.startedAt}`} className="parental__watched">
          <span className="parental__title-name">{entry.titleName}</span>
          <span className="parental__title-meta">
            <time dateTime={entry.startedAt}>{when.format(new Date(entry.startedAt))}</time>
            {entry.deviceName && (
              <span>
                <span className="visually-hidden">Device: </span>
                {entry.deviceName}
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
