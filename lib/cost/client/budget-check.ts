import { budgetStatus } from "@/lib/cost/budget";
import { weekStartFor } from "@/lib/cost/calendar";
import { summarizeSpending } from "@/lib/cost/spending";
import { AppError } from "@/lib/errors";
import { useCostPrefs } from "./prefs";
import { usageRecords } from "./spending";

// This month's spending against the budget, for the warnings beside the composer and for the refusal
// the user may ask for. Read after a reply ends, not while it streams.

const MONTH_AND_SOME_MS = 32 * 24 * 3600 * 1000;

export async function monthSpent(): Promise<number> {
  const prefs = useCostPrefs.getState();
  prefs.load();
  const records = await usageRecords(useCostPrefs.getState().overrides, Date.now() - MONTH_AND_SOME_MS);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const summary = summarizeSpending(records, { now: Date.now(), timeZone, weekStartsOn: weekStartFor("en") });
  return summary.month.yuan;
}

/**
 * Refuses a paid request when the month's budget is spent and the user turned refusing on. The
 * composer shows the error and keeps the text; a free model always goes.
 */
export async function checkBudget(free: boolean): Promise<void> {
  useCostPrefs.getState().load();
  const { budget } = useCostPrefs.getState();
  if (free || !budget.block || budget.monthlyYuan === null) return;
  if (!budgetStatus(await monthSpent(), budget).blocks) return;
  throw new AppError("quota_exceeded", {
    key: "budget.blocked",
  });
}
