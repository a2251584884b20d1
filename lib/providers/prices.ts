import type { PriceEntry } from "@/lib/cost/price";
import type { Provider } from "@/lib/errors";
import { GLM_PRICES } from "./prices-glm";
import { SILICONFLOW_PRICES } from "./prices-siliconflow";

// The shipped price table, one file per provider, keyed by model id like the catalog. Pure data and a
// lookup: browser-safe. The user's overrides are merged over it in lib/cost/resolve.ts.

export const PRICE_TABLES: Record<Provider, Record<string, PriceEntry>> = {
  siliconflow: SILICONFLOW_PRICES,
  glm: GLM_PRICES,
};

/**
 * The shipped entry for a model, or undefined where the table has no row. A SiliconFlow "Pro/" id is
 * the paid variant of the same model (catalog.ts): it takes the plain id's price, except where that is
 * free, because the Pro variant of a free model is billed at a price we do not know.
 */
export function priceEntry(provider: Provider, model: string): PriceEntry | undefined {
  const table = PRICE_TABLES[provider];
  const own = table[model];
  if (own) return own;
  if (provider === "siliconflow" && model.startsWith("Pro/")) {
    const base = table[model.slice(4)];
    if (!base) return undefined;
    if (base.price?.unit === "free") {
      return { ...base, price: null, note: "the Pro/ variant of a free model is paid; its price is not known" };
    }
    return base;
  }
  return undefined;
}
