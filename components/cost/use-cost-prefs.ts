"use client";

import { useEffect } from "react";
import { selectPriceOverrides, useCostPrefs } from "@/lib/cost/client/prefs";
import type { PriceOverrides } from "@/lib/cost/price";

/** The user's price overrides, read from localStorage after the first render (none on the server). */
export function usePriceOverrides(): PriceOverrides {
  const overrides = useCostPrefs(selectPriceOverrides);
  useEffect(() => useCostPrefs.getState().load(), []);
  return overrides;
}
