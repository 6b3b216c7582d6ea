// Dates as the account page words them: "Last changed 3 days ago", "Member since May 2025".
import { formatDateTime, t } from "../../lib/i18n";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The password row's hint, whole: "Last changed today", "Last changed on 3 May 2025". */
export function lastChanged(iso: string, now = new Date()): string {
  const then = new Date(iso);
  const days = Math.floor((startOfDay(now) - startOfDay(then)) / DAY_MS);
  if (days <= 0) return t("account.membership.passwordChangedToday");
  if (days === 1) return t("account.membership.passwordChangedYesterday");
  if (days < 7) return t("account.membership.passwordChangedDaysAgo", { days });
  return t("account.membership.passwordChangedOn", { date: formatDateTime(then, { dateStyle: "long" }) });
}

export function monthAndYear(iso: string): string {
  return formatDateTime(iso, { month: "long", year: "numeric" });
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
