"use client";

import type { BudgetStatus } from "@/lib/cost/budget";
import { formatYuan } from "@/lib/cost/format";
import { useT } from "@/lib/i18n/client";

/** The budget's state in words: a warning from 80%, and at 100% (blocking only if the user asked). */
export function BudgetAlert({ status, spent, budget }: { status: BudgetStatus; spent: number; budget: number | null }) {
  const t = useT();
  if (status.level === "none" || budget === null) return null;
  const vars = {
    spent: formatYuan(spent) ?? "¥0",
    budget: formatYuan(budget) ?? "¥0",
    percent: Math.floor(status.ratio * 100),
  };
  const warn = status.level === "warn" || status.level === "over";
  return (
    <p
      data-testid="budget-status"
      data-level={status.level}
      role={warn ? "alert" : "status"}
      className={`rounded-md px-2.5 py-1.5 text-sm ${
        status.level === "over"
          ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"
          : status.level === "warn"
            ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
            : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200"
      }`}
    >
      {status.level === "over"
        ? t(status.blocks ? "spending.budget.overBlocked" : "spending.budget.over", vars)
        : status.level === "warn"
          ? t("spending.budget.warn", vars)
          : t("spending.budget.ok", vars)}
    </p>
  );
}
