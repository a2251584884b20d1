// The monthly budget: a warning at 80% and at 100% of it. It never blocks a request unless the user
// turned blocking on. Pure, browser-safe and zod-free (the chat page loads it up front).

export interface BudgetSettings {
  /** Yuan per calendar month; null = no budget. */
  monthlyYuan: number | null;
  /** Refuse new paid requests once the budget is spent (off unless the user asks). */
  block: boolean;
}

const MONTHLY_BUDGET_MAX = 10_000_000;

/** Whether `v` is a BudgetSettings (read back from localStorage). */
export function isBudgetSettings(v: unknown): v is BudgetSettings {
  if (typeof v !== "object" || v === null) return false;
  const { monthlyYuan, block } = v as Record<string, unknown>;
  const yuanOk =
    monthlyYuan === null ||
    (typeof monthlyYuan === "number" &&
      Number.isFinite(monthlyYuan) &&
      monthlyYuan > 0 &&
      monthlyYuan <= MONTHLY_BUDGET_MAX);
  return yuanOk && typeof block === "boolean";
}

export const DEFAULT_BUDGET: BudgetSettings = { monthlyYuan: null, block: false };
const WARN_RATIO = 0.8;

type BudgetLevel = "none" | "ok" | "warn" | "over";

export interface BudgetStatus {
  level: BudgetLevel;
  /** Spent over budget (0 when there is no budget). */
  ratio: number;
  /** Yuan left this month, never below 0; null without a budget. */
  remaining: number | null;
  /** New paid requests should be refused (only when the user asked for blocking). */
  blocks: boolean;
}

export function budgetLevel(spent: number, monthlyYuan: number | null): BudgetLevel {
  if (!monthlyYuan || monthlyYuan <= 0) return "none";
  const ratio = spent / monthlyYuan;
  if (ratio >= 1) return "over";
  if (ratio >= WARN_RATIO) return "warn";
  return "ok";
}

export function budgetStatus(spentThisMonth: number, settings: BudgetSettings): BudgetStatus {
  const level = budgetLevel(spentThisMonth, settings.monthlyYuan);
  if (level === "none") return { level, ratio: 0, remaining: null, blocks: false };
  const budget = settings.monthlyYuan as number;
  return {
    level,
    ratio: spentThisMonth / budget,
    remaining: Math.max(0, budget - spentThisMonth),
    blocks: settings.block && level === "over",
  };
}

/**
 * The threshold a new cost just crossed, so the UI warns once per crossing rather than on every reply:
 * "warn" on passing 80%, "over" on passing 100% (both at once gives "over").
 */
export function budgetCrossing(before: number, after: number, monthlyYuan: number | null): "warn" | "over" | null {
  const from = budgetLevel(before, monthlyYuan);
  const to = budgetLevel(after, monthlyYuan);
  if (to === from) return null;
  if (to === "over") return "over";
  if (to === "warn" && from === "ok") return "warn";
  return null;
}

/** Whether a request may go out: free requests always may; paid ones not while blocking applies. */
export function budgetAllows(status: BudgetStatus, free: boolean): boolean {
  return free || !status.blocks;
}
