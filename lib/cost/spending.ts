import type { Provider } from "@/lib/errors";
import type { ModelType } from "@/lib/providers/catalog-types";
import {
  addDays,
  dateKey,
  daysInMonth,
  type LocalDate,
  localDate,
  startOfDay,
  startOfWeek,
  type Weekday,
} from "./calendar";

// Spending today, this week and this month, by provider, model and capability, from the usage records
// the browser keeps (one per reply, image batch, video, speech clip or transcription). Pure: "now",
// the time zone and the first day of the week are passed in.

type Capability = ModelType;

export interface UsageRecord {
  provider: Provider;
  model: string;
  capability: Capability;
  /** Yuan; null where the price was unknown when the record was made. */
  cost: number | null;
  /** Epoch ms. */
  at: number;
}

export interface PeriodTotals {
  /** Epoch ms: the period is [from, to). */
  from: number;
  to: number;
  yuan: number;
  /** Records in the period, priced or not. */
  count: number;
  /** Records whose price was unknown: the total leaves them out, and the UI should say so. */
  unpriced: number;
  byProvider: Partial<Record<Provider, number>>;
  /** Keyed "provider:model". */
  byModel: Record<string, number>;
  byCapability: Partial<Record<Capability, number>>;
}

export interface DailyTotal {
  /** YYYY-MM-DD in the summary's time zone. */
  date: string;
  yuan: number;
}

export interface SpendingSummary {
  today: PeriodTotals;
  week: PeriodTotals;
  month: PeriodTotals;
  /** Every day of the current month, for the chart. */
  daily: DailyTotal[];
  weekStartsOn: Weekday;
  timeZone: string;
}

interface SummaryOptions {
  now: number;
  timeZone: string;
  weekStartsOn: Weekday;
}

function emptyPeriod(from: number, to: number): PeriodTotals {
  return { from, to, yuan: 0, count: 0, unpriced: 0, byProvider: {}, byModel: {}, byCapability: {} };
}

function add(period: PeriodTotals, record: UsageRecord): void {
  period.count++;
  if (record.cost === null || !Number.isFinite(record.cost)) {
    period.unpriced++;
    return;
  }
  const yuan = record.cost;
  period.yuan += yuan;
  period.byProvider[record.provider] = (period.byProvider[record.provider] ?? 0) + yuan;
  const model = `${record.provider}:${record.model}`;
  period.byModel[model] = (period.byModel[model] ?? 0) + yuan;
  period.byCapability[record.capability] = (period.byCapability[record.capability] ?? 0) + yuan;
}

export function summarizeSpending(records: Iterable<UsageRecord>, options: SummaryOptions): SpendingSummary {
  const { now, timeZone, weekStartsOn } = options;
  const today: LocalDate = localDate(now, timeZone);
  const firstOfMonth: LocalDate = { ...today, day: 1 };
  const monthDays = daysInMonth(today.year, today.month);
  const weekStart = startOfWeek(today, weekStartsOn);

  // Midnights of every day of the month and the first of the next: day i is [bounds[i], bounds[i + 1]).
  const bounds: number[] = [];
  for (let i = 0; i <= monthDays; i++) bounds.push(startOfDay(addDays(firstOfMonth, i), timeZone));
  const bound = (i: number) => bounds[i] ?? Number.NaN;
  const monthFrom = bound(0);
  const monthTo = bound(monthDays);
  const dayStart = bound(today.day - 1);
  const dayEnd = bound(today.day);
  const weekFrom = startOfDay(weekStart, timeZone);
  const weekTo = startOfDay(addDays(weekStart, 7), timeZone);

  const summary: SpendingSummary = {
    today: emptyPeriod(dayStart, dayEnd),
    week: emptyPeriod(weekFrom, weekTo),
    month: emptyPeriod(monthFrom, monthTo),
    daily: Array.from({ length: monthDays }, (_, i) => ({ date: dateKey(addDays(firstOfMonth, i)), yuan: 0 })),
    weekStartsOn,
    timeZone,
  };

  for (const record of records) {
    const at = record.at;
    if (at >= weekFrom && at < weekTo) add(summary.week, record);
    if (at < monthFrom || at >= monthTo) continue;
    add(summary.month, record);
    if (at >= dayStart && at < dayEnd) add(summary.today, record);
    if (record.cost !== null && Number.isFinite(record.cost)) {
      // The day the record falls in: the last bound not after it.
      let lo = 0;
      let hi = monthDays - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bound(mid) <= at) lo = mid;
        else hi = mid - 1;
      }
      const day = summary.daily[lo];
      if (day) day.yuan += record.cost;
    }
  }
  return summary;
}
