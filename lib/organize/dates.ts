// Sidebar date groups: today, yesterday, the last 7 days, older — by the user's local calendar days.

export type DateBucket = "today" | "yesterday" | "week" | "older";

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function dateBucket(updatedAt: number, now: number = Date.now()): DateBucket {
  const today = startOfDay(now);
  if (updatedAt >= today) return "today";
  // Calendar days, not 24-hour steps: a DST change makes a day 23 or 25 hours long.
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (updatedAt >= yesterday.getTime()) return "yesterday";
  const week = new Date(today);
  week.setDate(week.getDate() - 7);
  if (updatedAt >= week.getTime()) return "week";
  return "older";
}
