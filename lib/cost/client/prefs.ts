import { create } from "zustand";
import { type BudgetSettings, DEFAULT_BUDGET, isBudgetSettings } from "@/lib/cost/budget";
import { isPriceOverrides, type PriceOverrides } from "@/lib/cost/price";

// The user's own prices and monthly budget. They are preferences of this browser (like the theme),
// kept in localStorage and validated on read: a damaged value falls back to the default, never a crash.

const OVERRIDES_KEY = "siliconplay:price-overrides";
const BUDGET_KEY = "siliconplay:budget";

// The checks are plain code rather than zod schemas: this file is on the chat page's first load.
function read<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    const value: unknown = raw ? JSON.parse(raw) : fallback;
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // private mode or a full disk: the preference lasts for this page only
  }
}

interface CostPrefsState {
  loaded: boolean;
  overrides: PriceOverrides;
  budget: BudgetSettings;
}

interface CostPrefsActions {
  /** Reads localStorage once in the browser (the server render has no preferences). */
  load: () => void;
  setOverrides: (next: PriceOverrides) => void;
  setBudget: (next: BudgetSettings) => void;
}

const initialCostPrefsState: CostPrefsState = { loaded: false, overrides: {}, budget: DEFAULT_BUDGET };

export const useCostPrefs = create<CostPrefsState & CostPrefsActions>()((set, get) => ({
  ...initialCostPrefsState,
  load: () => {
    if (get().loaded || typeof localStorage === "undefined") return;
    set({
      loaded: true,
      overrides: read(OVERRIDES_KEY, isPriceOverrides, {}),
      budget: read(BUDGET_KEY, isBudgetSettings, DEFAULT_BUDGET),
    });
  },
  setOverrides: (overrides) => {
    write(OVERRIDES_KEY, overrides);
    set({ overrides });
  },
  setBudget: (budget) => {
    write(BUDGET_KEY, budget);
    set({ budget });
  },
}));

export const selectPriceOverrides = (s: CostPrefsState) => s.overrides;
export const selectBudget = (s: CostPrefsState) => s.budget;
