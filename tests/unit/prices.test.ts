import { describe, expect, it } from "vitest";
import { isPrice } from "@/lib/cost/price";
import { catalogIds, describeModel } from "@/lib/providers/catalog";
import { GLM_MODELS } from "@/lib/providers/catalog-glm";
import { SILICONFLOW_MODELS } from "@/lib/providers/catalog-siliconflow";
import { PRICE_TABLES, priceEntry } from "@/lib/providers/prices";

// The shipped price table against the catalog: every model has a row (a price or an explicit unknown),
// free models are ¥0, every row says where and when it was read, and the units fit the model type.

const catalogs = { siliconflow: SILICONFLOW_MODELS, glm: GLM_MODELS } as const;
const UNIT_FOR_TYPE = {
  chat: ["tokens"],
  image: ["image", "megapixel-steps"],
  video: ["video"],
  speech: ["utf8-bytes", "characters"],
  transcription: ["audio-seconds"],
} as const;

describe("price table", () => {
  for (const provider of ["siliconflow", "glm"] as const) {
    it(`covers every ${provider} catalog model, and no model outside it`, () => {
      expect(Object.keys(PRICE_TABLES[provider]).sort()).toEqual(Object.keys(catalogs[provider]).sort());
      expect(catalogIds(provider).every((id) => priceEntry(provider, id))).toBe(true);
    });

    it(`${provider}: free models are ¥0, prices validate, units fit the model type, sources are dated`, () => {
      for (const [id, entry] of Object.entries(PRICE_TABLES[provider])) {
        const info = describeModel(provider, id);
        expect(entry.read, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.source.length, id).toBeGreaterThan(5);
        if (info.free) expect(entry.price, id).toEqual({ unit: "free" });
        if (entry.price === null) {
          expect(entry.note ?? entry.source, id).toBeTruthy();
          continue;
        }
        expect(isPrice(entry.price), id).toBe(true);
        if (entry.price.unit === "free") expect(info.free, `${id} is free in prices but not in the catalog`).toBe(true);
        else expect(UNIT_FOR_TYPE[info.type] as readonly string[], id).toContain(entry.price.unit);
      }
    });
  }

  it("bands are ordered low to high, so a request lands in the first band it fits", () => {
    for (const table of Object.values(PRICE_TABLES)) {
      for (const [id, entry] of Object.entries(table)) {
        if (entry.price?.unit !== "tokens") continue;
        const inputs = entry.price.tiers.map((t) => t.maxInput ?? Number.POSITIVE_INFINITY);
        expect(
          [...inputs].sort((a, b) => a - b),
          id,
        ).toEqual(inputs);
        expect(entry.price.tiers.at(-1)?.maxInput, `${id}: the last band must be open`).toBeUndefined();
      }
    }
  });

  it("a Pro/ id takes its model's price, but not a free model's ¥0", () => {
    expect(priceEntry("siliconflow", "Pro/deepseek-ai/DeepSeek-R1")?.price).toEqual(
      priceEntry("siliconflow", "deepseek-ai/DeepSeek-R1")?.price,
    );
    expect(priceEntry("siliconflow", "Pro/Qwen/Qwen2.5-7B-Instruct")?.price).toBeNull();
    expect(priceEntry("siliconflow", "Pro/unknown/model")).toBeUndefined();
    expect(priceEntry("glm", "Pro/glm-4.6")).toBeUndefined();
  });
});
