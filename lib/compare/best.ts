// Which column of a comparison was fastest and which cheapest, for the marks on the columns. Pure.

export interface ColumnResult {
  id: string;
  /** Time from sending to the end of the reply, ms; null when the column did not finish. */
  totalMs: number | null;
  /** Yuan; null when the price is unknown. */
  cost: number | null;
}

interface BestMarks {
  fastest: string | null;
  cheapest: string | null;
}

/** Marks need at least two finished columns to compare; a tie marks the first column. */
export function bestColumns(results: readonly ColumnResult[]): BestMarks {
  const finished = results.filter((r) => r.totalMs !== null);
  if (finished.length < 2) return { fastest: null, cheapest: null };
  const priced = finished.filter((r) => r.cost !== null);
  return {
    fastest: lowest(finished, (r) => r.totalMs as number),
    cheapest: priced.length >= 2 ? lowest(priced, (r) => r.cost as number) : null,
  };
}

function lowest(results: readonly ColumnResult[], value: (r: ColumnResult) => number): string | null {
  let best: ColumnResult | undefined;
  for (const r of results) if (best === undefined || value(r) < value(best)) best = r;
  return best?.id ?? null;
}
