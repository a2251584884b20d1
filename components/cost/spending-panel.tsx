"use client";

import { useEffect, useMemo, useState } from "react";
import { SettingsSection } from "@/components/settings/settings-section";
import { Field } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { Switch } from "@/components/ui/switch";
import { budgetStatus } from "@/lib/cost/budget";
import { weekStartFor } from "@/lib/cost/calendar";
import { selectBudget, useCostPrefs } from "@/lib/cost/client/prefs";
import { usageRecords } from "@/lib/cost/client/spending";
import { formatYuan } from "@/lib/cost/format";
import { type PeriodTotals, type SpendingSummary, summarizeSpending } from "@/lib/cost/spending";
import type { MessageKey } from "@/lib/i18n";
import { useI18n } from "@/lib/i18n/client";
import { BudgetAlert } from "./budget-alert";
import { PriceOverrides } from "./price-overrides";
import { SpendingChart } from "./spending-chart";
import { usePriceOverrides } from "./use-cost-prefs";

const yuan = (n: number) => formatYuan(n) ?? "¥0";

function Breakdown({ title, rows }: { title: string; rows: [string, number][] }) {
  if (rows.length === 0) return null;
  return (
    <div className="min-w-0">
      <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{title}</h4>
      <ul className="text-sm">
        {rows
          .sort((a, b) => b[1] - a[1])
          .map(([name, value]) => (
            <li key={name} className="flex justify-between gap-2 tabular-nums">
              <span className="truncate">{name}</span>
              <span>{yuan(value)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

const PERIODS: { key: "today" | "week" | "month"; label: MessageKey }[] = [
  { key: "today", label: "spending.today" },
  { key: "week", label: "spending.week" },
  { key: "month", label: "spending.month" },
];

/** Settings → Spending: today, this week and this month, the month by day, and the monthly budget. */
export function SpendingPanel() {
  const { t, locale } = useI18n();
  const overrides = usePriceOverrides();
  const budget = useCostPrefs(selectBudget);
  const [summary, setSummary] = useState<SpendingSummary | null>(null);

  useEffect(() => {
    let live = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const weekStartsOn = weekStartFor(locale === "zh" ? "zh-CN" : navigator.language);
    // Only this month and the week that may begin in the previous one are needed.
    const since = Date.now() - 40 * 24 * 3600 * 1000;
    usageRecords(overrides, since).then(
      (records) => live && setSummary(summarizeSpending(records, { now: Date.now(), timeZone, weekStartsOn })),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [overrides, locale]);

  const status = useMemo(() => budgetStatus(summary?.month.yuan ?? 0, budget), [summary, budget]);
  const month: PeriodTotals | undefined = summary?.month;
  const today = summary ? (summary.daily[new Date().getDate() - 1]?.date ?? "") : "";

  return (
    <SettingsSection id="spending" title={t("spending.title")} hint={t("spending.where")} className="space-y-4">
      <dl className="grid grid-cols-3 gap-2">
        {PERIODS.map(({ key, label }) => (
          <div key={key} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t(label)}</dt>
            <dd data-testid={`spending-${key}`} className="text-lg font-semibold tabular-nums">
              {summary ? yuan(summary[key].yuan) : "…"}
            </dd>
            {summary && summary[key].unpriced > 0 && (
              <dd className="text-xs text-zinc-500">{t("spending.unpriced", { count: summary[key].unpriced })}</dd>
            )}
          </div>
        ))}
      </dl>
      {summary && <SpendingChart daily={summary.daily} today={today} />}
      {month && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Breakdown
            title={t("spending.byProvider")}
            rows={Object.entries(month.byProvider).map(([p, v]) => [p === "glm" ? "GLM" : "SiliconFlow", v ?? 0])}
          />
          <Breakdown title={t("spending.byModel")} rows={Object.entries(month.byModel)} />
          <Breakdown
            title={t("spending.byCapability")}
            rows={Object.entries(month.byCapability).map(([c, v]) => [
              t(`spending.capability.${c}` as MessageKey),
              v ?? 0,
            ])}
          />
        </div>
      )}
      <div className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <h3 className="text-sm font-semibold">{t("spending.budget")}</h3>
        <Field label={t("spending.budget.monthly")} hint={t("spending.budget.hint")}>
          <NumberField
            value={budget.monthlyYuan}
            min={0.01}
            max={10_000_000}
            step={10}
            onValueChange={(v) =>
              useCostPrefs.getState().setBudget({ ...budget, monthlyYuan: v !== null && v > 0 ? v : null })
            }
          />
        </Field>
        <Switch
          label={t("spending.budget.block")}
          description={t("spending.budget.blockHint")}
          checked={budget.block}
          onChange={(block) => useCostPrefs.getState().setBudget({ ...budget, block })}
        />
        {summary && <BudgetAlert status={status} spent={summary.month.yuan} budget={budget.monthlyYuan} />}
      </div>
      <PriceOverrides />
    </SettingsSection>
  );
}
