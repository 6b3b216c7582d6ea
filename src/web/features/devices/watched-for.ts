// How long a stream played, in words a viewer reads at a glance: "less than a minute",
// "45 minutes", "1 hour 5 minutes". Whole minutes, rounded down: a stream is never said to
// have lasted longer than it did.
import { t } from "../../lib/i18n";

export function watchedFor(startedAt: string, endedAt: string): string {
  // A clock that stepped back between start and end reads as no time at all, never as negative.
  const minutes = Math.floor(Math.max(0, Date.parse(endedAt) - Date.parse(startedAt)) / 60_000);
  if (minutes < 1) return t("devices.watchedFor.lessThanAMinute");
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("devices.watchedFor.minutes", { minutes: rest });
  return rest === 0 ? t("devices.watchedFor.hours", { hours }) : t("devices.watchedFor.hoursAndMinutes", { hours, minutes: rest });
}
