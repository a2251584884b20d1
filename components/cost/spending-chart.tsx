"use client";

import { formatYuan } from "@/lib/cost/format";
import type { DailyTotal } from "@/lib/cost/spending";
import { useT } from "@/lib/i18n/client";

// Spending per day of the month as plain SVG bars. A charting library was weighed (the issue suggests
// one): a month of bars is one loop, and plain SVG adds no dependency, no bundle weight and no
// lockfile change on a branch merged beside four others. Each bar has a <title> for pointer users, and
// the figure's text alternative names the busiest day; the exact figures are in the tables beside it.

const WIDTH = 620;
const HEIGHT = 140;
const PAD = 18;

export function SpendingChart({ daily, today }: { daily: readonly DailyTotal[]; today: string }) {
  const t = useT();
  const max = Math.max(0, ...daily.map((d) => d.yuan));
  const busiest = daily.reduce<DailyTotal | null>((best, d) => (d.yuan > (best?.yuan ?? 0) ? d : best), null);
  const slot = (WIDTH - PAD) / Math.max(1, daily.length);
  const bar = Math.max(2, slot * 0.7);
  const label = busiest
    ? t("spending.chart.label", { day: busiest.date, cost: formatYuan(busiest.yuan) ?? "¥0" })
    : t("spending.chart.empty");
  return (
    <figure className="space-y-1">
      <svg
        data-testid="spending-chart"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full text-violet-500"
      >
        <line
          x1={PAD}
          x2={WIDTH}
          y1={HEIGHT - PAD}
          y2={HEIGHT - PAD}
          className="stroke-zinc-300 dark:stroke-zinc-700"
        />
        {daily.map((d, i) => {
          const h = max > 0 ? ((HEIGHT - 2 * PAD) * d.yuan) / max : 0;
          const x = PAD + i * slot + (slot - bar) / 2;
          return (
            <g key={d.date}>
              <rect
                x={x}
                y={HEIGHT - PAD - h}
                width={bar}
                height={h}
                rx={1.5}
                className={d.date === today ? "fill-violet-600" : "fill-violet-300 dark:fill-violet-800"}
              >
                <title>{`${d.date}: ${formatYuan(d.yuan) ?? "¥0"}`}</title>
              </rect>
              {(i === 0 || (i + 1) % 5 === 0) && (
                <text x={x + bar / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-zinc-500 text-[10px]">
                  {i + 1}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">{t("spending.chart.caption")}</figcaption>
    </figure>
  );
}
