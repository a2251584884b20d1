import type { Provider } from "@/lib/errors";
import { priceEntry } from "@/lib/providers/prices";
import { type Price, type PriceOverrides, priceKey } from "./price";

// The price the app uses for a model: the user's override where there is one (prices change, and the
// user knows their own discounts), else the shipped table, else unknown. Pure and browser-safe.

type PriceOrigin = "override" | "table" | "unknown";

interface ResolvedPrice {
  price: Price | null;
  origin: PriceOrigin;
  /** The table's date read and source, for "as of" hints; absent for overrides and unknown models. */
  read?: string;
  source?: string;
  note?: string;
}

export function resolvePrice(provider: Provider, model: string, overrides?: PriceOverrides): ResolvedPrice {
  const own = overrides?.[priceKey(provider, model)];
  if (own) return { price: own, origin: "override" };
  const entry = priceEntry(provider, model);
  if (!entry) return { price: null, origin: "unknown" };
  return {
    price: entry.price,
    origin: entry.price ? "table" : "unknown",
    read: entry.read,
    source: entry.source,
    ...(entry.note ? { note: entry.note } : {}),
  };
}

/** Sets or clears (price null) one override, returning a new map. */
export function withOverride(
  overrides: PriceOverrides,
  provider: Provider,
  model: string,
  price: Price | null,
): PriceOverrides {
  const key = priceKey(provider, model);
  const { [key]: _old, ...rest } = overrides;
  return price ? { ...rest, [key]: price } : rest;
}
