// How long ago, in words: "Active 5 minutes ago" for a device, "Started 5 minutes ago" for
// what it is watching; and the exact date and time beside them, in the shown language.
import { formatDateTime, formatRelativeTime, t } from "../../lib/i18n";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday", "3 weeks ago"; undefined within the last minute (each caller says "now" its own way). */
function ago(iso: string, now: number): string | undefined {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return formatRelativeTime(-Math.floor(seconds / size), unit);
  }
  return undefined;
}

export function activeAgo(iso: string, now = Date.now()): string {
  const when = ago(iso, now);
  return when ? t("devices.relativeTime.activeAgo", { when }) : t("devices.relativeTime.activeNow");
}

export function startedAgo(iso: string, now = Date.now()): string {
  const when = ago(iso, now);
  return when ? t("devices.relativeTime.startedAgo", { when }) : t("devices.relativeTime.startedJustNow");
}

export function exactTime(iso: string): string {
  return formatDateTime(iso, { dateStyle: "medium", timeStyle: "short" });
}
