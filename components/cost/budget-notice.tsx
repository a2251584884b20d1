"use client";

import { useEffect, useState } from "react";
import { type BudgetStatus, budgetStatus } from "@/lib/cost/budget";
import { monthSpent } from "@/lib/cost/client/budget-check";
import { selectBudget, selectPriceOverrides, useCostPrefs } from "@/lib/cost/client/prefs";
import { formatYuan } from "@/lib/cost/format";
import { useT } from "@/lib/i18n/client";

/**
 * Above the composer once this month's spending reaches 80% of the budget, and again at 100%. It is
 * worked out when the page opens and each time a request ends (`settledKey` changes), never per token.
 */
export function BudgetNotice({ settledKey }: { settledKey: string }) {
  const t = useT();
  const budget = useCostPrefs(selectBudget);
  const overrides = useCostPrefs(selectPriceOverrides);
  const [state, setState] = useState<{ status: BudgetStatus; spent: number } | null>(null);

  useEffect(() => {
    useCostPrefs.getState().load();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when a request ends or the prices change
  useEffect(() => {
    if (budget.monthlyYuan === null) {
      setState(null);
      return;
    }
    let live = true;
    monthSpent().then(
      (spent) => live && setState({ spent, status: budgetStatus(spent, budget) }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [settledKey, budget, overrides]);

  if (!state || budget.monthlyYuan === null) return null;
  const { status, spent } = state;
  if (status.level !== "warn" && status.level !== "over") return null;
  const vars = {
    spent: formatYuan(spent) ?? "¥0",
    budget: formatYuan(budget.monthlyYuan) ?? "¥0",
    percent: Math.floor(status.ratio * 100),
  };
  return (
    <div className="mx-auto w-full max-w-chat px-4">
      <p
        data-testid="budget-notice"
        data-level={status.level}
        role="status"
        className={`rounded-md px-2.5 py-1.5 text-xs ${
          status.level === "over"
            ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"
            : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        }`}
      >
        {status.level === "over" ? t("budget.chat.over", vars) : t("budget.chat.warn", vars)}
      </p>
    </div>
  );
}
