// Calendar days, weeks and months in a given time zone, for the spending figures. Pure: "now" and the
// zone are always passed in, so tests run the same in any zone. Boundaries are computed as epoch
// milliseconds once per summary, so each record is classified by comparing numbers.

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

export function localDate(at: number, timeZone: string): LocalDate {
  const d = new Date(at + zoneOffsetMs(at, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateKey(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Calendar arithmetic on dates (no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function weekday(date: LocalDate): Weekday {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as Weekday;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first instant of a local calendar day. Where a zone skips midnight (a DST change at 00:00), the
 * day starts at its first existing instant.
 */
export function startOfDay(date: LocalDate, timeZone: string): number {
  const target = Date.UTC(date.year, date.month - 1, date.day);
  let guess = target - zoneOffsetMs(target, timeZone);
  for (let i = 0; i < 3; i++) {
    const next = target - zoneOffsetMs(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  // In a gap the guess lands before the day (late the previous evening): step to the day's first hour.
  for (let i = 0; i < 4 && dateKey(localDate(guess, timeZone)) < dateKey(date); i++) guess += 3_600_000;
  return guess;
}

/**
 * The first day of the week for a locale. Chinese calendars start on Monday (GB/T 7408, ISO 8601);
 * other locales follow CLDR through Intl.Locale where the runtime has it (en-US Sunday, en-GB Monday),
 * else Monday.
 */
export function weekStartFor(locale: string): Weekday {
  if (/^zh\b/i.test(locale)) return 1;
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & {
      weekInfo?: { firstDay: number };
      getWeekInfo?: () => { firstDay: number };
    };
    const firstDay = loc.getWeekInfo?.().firstDay ?? loc.weekInfo?.firstDay;
    if (firstDay !== undefined && firstDay >= 1 && firstDay <= 7) return (firstDay % 7) as Weekday;
  } catch {
    // An invalid tag: the default below.
  }
  return 1;
}

export function startOfWeek(date: LocalDate, weekStartsOn: Weekday): LocalDate {
  return addDays(date, -((weekday(date) - weekStartsOn + 7) % 7));
}
