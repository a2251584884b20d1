import { describe, expect, it } from "vitest";
import { isBudgetSettings } from "@/lib/cost/budget";
import { isPrice, isPriceOverrides } from "@/lib/cost/price";
import { budgetSettingsSchema, priceOverridesSchema, priceSchema } from "@/lib/cost/schemas";
import { PRICE_TABLES } from "@/lib/providers/prices";

// The browser reads the user's prices and budget back with plain checks (zod stays off the chat page's
// first load); the zod schemas say the same. Both run over the same values here, valid and broken.

const shipped = Object.values(PRICE_TABLES).flatMap((table) =>
  Object.values(table).flatMap((entry) => (entry.price ? [entry.price] : [])),
);
const tier = { rates: { input: 1, output: 2 } };
const prices: unknown[] = [
  ...shipped,
  { unit: "tokens", tiers: [{ maxInput: 32_000, maxOutput: 200, rates: { input: 1, output: 2, cachedInput: 0.5 } }] },
  { unit: "tokens", tiers: [] },
  { unit: "tokens", tiers: Array(9).fill(tier) },
  { unit: "tokens", tiers: Array(8).fill(tier) },
  { unit: "tokens", tiers: [{ maxInput: 0, rates: { input: 1, output: 2 } }] },
  { unit: "tokens", tiers: [{ maxInput: 1.5, rates: { input: 1, output: 2 } }] },
  { unit: "tokens", tiers: [{ rates: { input: -1, output: 2 } }] },
  { unit: "tokens", tiers: [{ rates: { input: 1 } }] },
  { unit: "tokens", tiers: [{}] },
  { unit: "tokens" },
  { unit: "image", perImage: 0.1 },
  { unit: "image", perImage: -1 },
  { unit: "image", perImage: Number.POSITIVE_INFINITY },
  { unit: "image", perImage: "0.1" },
  { unit: "image", perVideo: 1 },
  { unit: "megapixel-steps", perMegapixelStep: 0.0032 },
  { unit: "video", perVideo: 2 },
  { unit: "utf8-bytes", perMillionBytes: 50 },
  { unit: "characters", perTenThousand: 2 },
  { unit: "audio-seconds", perMinute: 0.6 },
  { unit: "audio-seconds" },
  { unit: "free" },
  { unit: "gold" },
  { unit: "toString" },
  {},
  null,
  [],
  "free",
  7,
];

describe("cost checks without zod", () => {
  it("a price passes the plain check exactly when it passes the schema", () => {
    expect(shipped.length).toBeGreaterThan(20);
    for (const price of prices)
      expect(isPrice(price), JSON.stringify(price)).toBe(priceSchema.safeParse(price).success);
    // Both kinds of answer occur.
    expect(prices.filter(isPrice).length).toBeGreaterThan(10);
    expect(prices.filter((p) => !isPrice(p)).length).toBeGreaterThan(10);
  });

  it("overrides: keys of 3–300 characters, every value a price", () => {
    const cases: unknown[] = [
      {},
      { "glm:glm-4.6": { unit: "image", perImage: 0.1 } },
      { ab: { unit: "free" } },
      { [`x:${"m".repeat(298)}`]: { unit: "free" } },
      { [`x:${"m".repeat(299)}`]: { unit: "free" } },
      { "glm:glm-4.6": { unit: "gold" } },
      [],
      null,
      "x",
    ];
    for (const v of cases)
      expect(isPriceOverrides(v), JSON.stringify(v)).toBe(priceOverridesSchema.safeParse(v).success);
  });

  it("budget settings", () => {
    const cases: unknown[] = [
      { monthlyYuan: 50, block: false },
      { monthlyYuan: null, block: true },
      { monthlyYuan: 0, block: false },
      { monthlyYuan: -5, block: false },
      { monthlyYuan: 10_000_000, block: false },
      { monthlyYuan: 10_000_001, block: false },
      { monthlyYuan: Number.NaN, block: false },
      { monthlyYuan: 50 },
      { block: false },
      { monthlyYuan: "50", block: false },
      null,
      [],
    ];
    for (const v of cases)
      expect(isBudgetSettings(v), JSON.stringify(v)).toBe(budgetSettingsSchema.safeParse(v).success);
  });
});
