// Dates as the account page words them: "Last changed 3 days ago", "Member since May 2025".
const DAY_MS = 24 * 60 * 60 * 1000;

export function changedAgo(iso: string, now = new Date()): string {
  const then = new Date(iso);
  const days = Math.floor((startOfDay(now) - startOfDay(then)) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return `on ${new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(then)}`;
}

export function monthAndYear(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" }).format(new Date(iso));
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
