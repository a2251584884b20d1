"use client";

// Live reads of comparisons for components (which never touch IndexedDB themselves): useLiveQuery,
// so a column added, released or edited in this tab or another one shows at once.

import { useLiveQuery } from "dexie-react-hooks";
import { type CompareColumnRow, type ComparisonSummary, comparisonColumns, listComparisons } from "./db";

/** A comparison's columns, in order: undefined while loading (also while the next comparison loads). */
export function useComparisonColumns(compareId: string | undefined): CompareColumnRow[] | undefined {
  // Results carry their id: a live query keeps its last value while the next comparison loads.
  const stored = useLiveQuery(
    async () => ({ id: compareId, rows: compareId ? await comparisonColumns(compareId) : [] }),
    [compareId],
  );
  return stored && stored.id === compareId ? stored.rows : undefined;
}

/** The newest comparisons, newest first. */
export function useComparisons(limit: number): ComparisonSummary[] | undefined {
  return useLiveQuery(() => listComparisons(limit), [limit]);
}
