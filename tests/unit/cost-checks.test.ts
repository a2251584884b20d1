import { describe, expect, it } from "vitest";
import { isBudgetSettings } from "@/lib/cost/budget";
import { isPrice, isPriceOverrides } from "@/lib/cost/price";
import { PRICE_TABLES } from "@/lib/providers/prices";

// The user's prices and budget are read back from localStorage (and a backup) with plain checks, so
// zod stays off the chat page's first load. Each case says whether it is accepted.

const shipped = Object.values(PRICE_TABLES).flatMap((table) =>
  Object.values(table).flatMap((entry) => (entry.price ? [entry.price] : [])),
);
const tier = { rates: { input: 1, output: 2 } };
const prices: [unknown, boolean][] = [
  [
    { unit: "tokens", tiers: [{ maxInput: 32_000, maxOutput: 200, rates: { input: 1, output: 2, cachedInput: 0.5 } }] },
    true,
  ],
  [{ unit: "tokens", tiers: [] }, false],
  [{ unit: "tokens", tiers: Array(9).fill(tier) }, false],
  [{ unit: "tokens", tiers: Array(8).fill(tier) }, true],
  [{ unit: "tokens", tiers: [{ maxInput: 0, rates: { input: 1, output: 2 } }] }, false],
  [{ unit: "tokens", tiers: [{ maxInput: 1.5, rates: { input: 1, output: 2 } }] }, false],
  [{ unit: "tokens", tiers: [{ rates: { input: -1, output: 2 } }] }, false],
  [{ unit: "tokens", tiers: [{ rates: { input: 1 } }] }, false],
  [{ unit: "tokens", tiers: [{}] }, false],
  [{ unit: "tokens" }, false],
  [{ unit: "image", perImage: 0.1 }, true],
  [{ unit: "image", perImage: -1 }, false],
  [{ unit: "image", perImage: Number.POSITIVE_INFINITY }, false],
  [{ unit: "image", perImage: "0.1" }, false],
  [{ unit: "image", perVideo: 1 }, false],
  [{ unit: "megapixel-steps", perMegapixelStep: 0.0032 }, true],
  [{ unit: "video", perVideo: 2 }, true],
  [{ unit: "utf8-bytes", perMillionBytes: 50 }, true],
  [{ unit: "characters", perTenThousand: 2 }, true],
  [{ unit: "audio-seconds", perMinute: 0.6 }, true],
  [{ unit: "audio-seconds" }, false],
  [{ unit: "free" }, true],
  [{ unit: "gold" }, false],
  [{ unit: "toString" }, false],
  [{}, false],
  [null, false],
  [[], false],
  ["free", false],
  [7, false],
];

describe("cost checks", () => {
  it("every shipped price is a valid price", () => {
    expect(shipped.length).toBeGreaterThan(20);
    for (const price of shipped) expect(isPrice(price), JSON.stringify(price)).toBe(true);
  });

  it("a price: known unit, its one yuan field finite and ≥ 0, 1–8 tiers of whole positive bounds", () => {
    for (const [price, ok] of prices) expect(isPrice(price), JSON.stringify(price)).toBe(ok);
  });

  it("overrides: keys of 3–300 characters, every value a price", () => {
    const cases: [unknown, boolean][] = [
      [{}, true],
      [{ "glm:glm-4.6": { unit: "image", perImage: 0.1 } }, true],
      [{ ab: { unit: "free" } }, false],
      [{ [`x:${"m".repeat(298)}`]: { unit: "free" } }, true],
      [{ [`x:${"m".repeat(299)}`]: { unit: "free" } }, false],
      [{ "glm:glm-4.6": { unit: "gold" } }, false],
      [[], false],
      [null, false],
      ["x", false],
    ];
    for (const [v, ok] of cases) expect(isPriceOverrides(v), JSON.stringify(v)).toBe(ok);
  });

  it("budget settings: a positive monthly amount up to 10 million, or none, and a block flag", () => {
    const cases: [unknown, boolean][] = [
      [{ monthlyYuan: 50, block: false }, true],
      [{ monthlyYuan: null, block: true }, true],
      [{ monthlyYuan: 0, block: false }, false],
      [{ monthlyYuan: -5, block: false }, false],
      [{ monthlyYuan: 10_000_000, block: false }, true],
      [{ monthlyYuan: 10_000_001, block: false }, false],
      [{ monthlyYuan: Number.NaN, block: false }, false],
      [{ monthlyYuan: 50 }, false],
      [{ block: false }, false],
      [{ monthlyYuan: "50", block: false }, false],
      [null, false],
      [[], false],
    ];
    for (const [v, ok] of cases) expect(isBudgetSettings(v), JSON.stringify(v)).toBe(ok);
  });
});
