import type { Price, PriceEntry } from "@/lib/cost/price";

// Zhipu GLM's prices in yuan, read on READ. Sources:
// - PRICING: docs.bigmodel.cn/cn/guide/start/pricing ("API 定价"): the billing formula (uncached input +
//   cache hits + output + cache storage, the last free for now) and the unit (元/百万 Tokens; images
//   and video per request).
// - TABLE: bigmodel.cn/pricing, the per-model figures, as transcribed in lobehub/lobehub
//   packages/model-bank/src/aiModels/zhipu.ts (commit 55e2018d), which cites that page; the official
//   page is rendered by script and its table was not readable here.
// - FREE: the free models named in upstream-contract.md and seed 000 (GLM-4V-Flash).
// GLM bands the GLM-4.5-and-later prices by prompt length (< 32K tokens or more) and, for short prompts,
// by answer length (< 200 tokens or more). Where no figure was found the price is null (unknown) and the
// app shows no cost rather than a guess: glm-5, glm-5.1, glm-5.2 and glm-4v-plus.

const GLM_PRICES_READ = "2026-12-03";
const PRICING = "https://docs.bigmodel.cn/cn/guide/start/pricing";
const TABLE = "https://bigmodel.cn/pricing (via lobehub/lobehub model-bank zhipu.ts @55e2018d)";

const FREE: Price = { unit: "free" };
const SHORT_PROMPT = 32_000;
const SHORT_ANSWER = 200;

/** GLM-4.5, GLM-4.6 and GLM-4.7 share one banded price. */
const FLAGSHIP_45: Price = {
  unit: "tokens",
  tiers: [
    { maxInput: SHORT_PROMPT, maxOutput: SHORT_ANSWER, rates: { input: 2, output: 8, cachedInput: 0.4 } },
    { maxInput: SHORT_PROMPT, rates: { input: 3, output: 14, cachedInput: 0.6 } },
    { rates: { input: 4, output: 16, cachedInput: 0.8 } },
  ],
};

const row = (price: Price | null, source: string, note?: string): PriceEntry => ({
  price,
  read: GLM_PRICES_READ,
  source,
  ...(note ? { note } : {}),
});

const unknown = (note: string) => row(null, `${PRICING}; ${TABLE}`, note);

export const GLM_PRICES: Record<string, PriceEntry> = {
  "glm-4-flash": row(FREE, `${TABLE}; upstream-contract.md`),
  "glm-4.5-flash": row(FREE, TABLE),
  "glm-4.5": row(FLAGSHIP_45, TABLE),
  "glm-4.5-air": row(
    {
      unit: "tokens",
      tiers: [
        { maxInput: SHORT_PROMPT, maxOutput: SHORT_ANSWER, rates: { input: 0.8, output: 2, cachedInput: 0.16 } },
        { maxInput: SHORT_PROMPT, rates: { input: 0.8, output: 6, cachedInput: 0.16 } },
        { rates: { input: 1.2, output: 8, cachedInput: 0.24 } },
      ],
    },
    TABLE,
  ),
  "glm-4.6": row(FLAGSHIP_45, TABLE),
  "glm-4.7": row(FLAGSHIP_45, TABLE),
  "glm-5": unknown("not in the tables read; SiliconFlow's Pro/zai-org/glm-5 lists 4/18 (< 32K) and 6/22 yuan"),
  "glm-5.1": unknown("not in the tables read; SiliconFlow's Pro/zai-org/GLM-5.1 lists 6/24 (< 32K) and 8/28 yuan"),
  "glm-5.2": unknown("not in the tables read"),
  "glm-z1-flash": row(FREE, `${TABLE}; upstream-contract.md`),
  "glm-4v-flash": row(FREE, `${TABLE}; seed 000`),
  "glm-4v-plus": unknown("only glm-4v-plus-0111 is listed (4 yuan in and out); the alias's price was not found"),
  "glm-4.5v": row(
    {
      unit: "tokens",
      tiers: [
        { maxInput: SHORT_PROMPT, rates: { input: 2, output: 6, cachedInput: 0.4 } },
        { rates: { input: 4, output: 12, cachedInput: 0.8 } },
      ],
    },
    TABLE,
  ),
  "glm-4.6v": row(
    {
      unit: "tokens",
      tiers: [
        { maxInput: SHORT_PROMPT, rates: { input: 1, output: 3, cachedInput: 0.2 } },
        { rates: { input: 2, output: 6, cachedInput: 0.4 } },
      ],
    },
    TABLE,
  ),
  "glm-4.6v-flash": row(FREE, `${TABLE}; upstream-contract.md`),
  "cogview-3-flash": row(FREE, "upstream-contract.md (cogview-3-flash free)"),
  "cogview-4": row({ unit: "image", perImage: 0.06 }, TABLE),
  // The dated release of CogView-4: the pricing table lists one CogView-4 price for both model codes.
  "cogview-4-250304": row({ unit: "image", perImage: 0.06 }, TABLE, "priced as cogview-4"),
  "cogvideox-3": unknown("CogVideoX-3 is priced per video by quality and length; no single figure read"),
  "cogvideox-flash": row(FREE, "docs.bigmodel.cn video API (free)"),
};
