import { type Price, type PriceEntry, perMillion } from "@/lib/cost/price";

// SiliconFlow's prices in yuan, read on READ. Sources:
// - MODELS: siliconflow.cn/models (each model's page), as transcribed in lobehub/lobehub
//   packages/model-bank/src/aiModels/siliconcloud.ts (commit 036245f3), which cites that page; the
//   official pages are rendered by script and were not readable here.
// - LIST: huasheng.ai/insights/siliconflow-api-guide, a reading of siliconflow.cn/pricing dated
//   2026-02-08 (the free list and the DeepSeek rows).
// - SEED: seed 003: the billing formula (input tokens x input price + output tokens x output price),
//   speech billed by the UTF-8 bytes of the text, images per image or per megapixel-step.
// Some figures are listed only for the "Pro/" id of a model; SiliconFlow's Pro ids are the same model
// billed to the paid balance only (catalog.ts), so the price is recorded under the plain id with a note.
// Where no figure was found the price is null (unknown) and no cost is shown rather than a guess.

const SILICONFLOW_PRICES_READ = "2026-12-03";
const MODELS = "https://siliconflow.cn/models (via lobehub/lobehub model-bank siliconcloud.ts @036245f3)";
const LIST = "https://siliconflow.cn/pricing (via huasheng.ai/insights/siliconflow-api-guide, 2026-02-08)";

const FREE: Price = { unit: "free" };
const LONG_PROMPT = 128_000;

const row = (price: Price | null, source: string, note?: string): PriceEntry => ({
  price,
  read: SILICONFLOW_PRICES_READ,
  source,
  ...(note ? { note } : {}),
});
const unknown = (note = "no published figure found") => row(null, `${MODELS}; ${LIST}`, note);

/** Qwen3.5 is banded by prompt length: under 128K tokens, then above. */
function qwen35(short: [number, number], long: [number, number]): Price {
  return {
    unit: "tokens",
    tiers: [
      { maxInput: LONG_PROMPT, rates: { input: short[0], output: short[1] } },
      { rates: { input: long[0], output: long[1] } },
    ],
  };
}

/** GLM on SiliconFlow follows Zhipu's bands: prompt under 32K tokens (and answer under 200), then above. */
const GLM_47: Price = {
  unit: "tokens",
  tiers: [
    { maxInput: 32_000, maxOutput: 200, rates: { input: 2, output: 8, cachedInput: 0.4 } },
    { maxInput: 32_000, rates: { input: 3, output: 14, cachedInput: 0.6 } },
    { rates: { input: 4, output: 16, cachedInput: 0.8 } },
  ],
};

const PRO_ONLY = "listed for the Pro/ id";

export const SILICONFLOW_PRICES: Record<string, PriceEntry> = {
  // DeepSeek
  "deepseek-ai/DeepSeek-R1": row(perMillion(4, 16), `${MODELS}; ${LIST}`),
  "deepseek-ai/DeepSeek-V3": row(perMillion(2, 8), `${MODELS}; ${LIST}`),
  "deepseek-ai/DeepSeek-V3.1": row(perMillion(2, 8), LIST),
  "deepseek-ai/DeepSeek-V3.1-Terminus": row(perMillion(4, 12), MODELS),
  "deepseek-ai/DeepSeek-V3.2": row(perMillion(2, 3), MODELS),
  "deepseek-ai/DeepSeek-V4-Flash": row(perMillion(1, 2), MODELS),
  "deepseek-ai/DeepSeek-V4-Pro": unknown(),
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B": row(FREE, LIST),
  "deepseek-ai/deepseek-vl2": unknown(),

  // Qwen
  "Qwen/QwQ-32B": unknown(),
  "Qwen/Qwen3-8B": row(FREE, `${MODELS}; ${LIST}`),
  "Qwen/Qwen3-14B": row(perMillion(0.5, 2), MODELS),
  "Qwen/Qwen3-32B": row(perMillion(1, 4), MODELS),
  "Qwen/Qwen3-30B-A3B": unknown("the sources list only the -2507 variants or disagree"),
  "Qwen/Qwen3-235B-A22B-Thinking-2507": unknown(),
  "Qwen/Qwen3-235B-A22B-Instruct-2507": row(perMillion(2.5, 10), `${MODELS}; ${LIST}`),
  "Qwen/Qwen3.5-397B-A17B": row(qwen35([0.8, 4.8], [2, 12]), MODELS),
  "Qwen/Qwen3.5-122B-A10B": row(qwen35([0.8, 6.4], [2, 16]), MODELS),
  "Qwen/Qwen3.5-35B-A3B": row(qwen35([0.4, 3.2], [1.6, 12.8]), MODELS),
  "Qwen/Qwen3.5-27B": row(qwen35([0.6, 4.8], [1.8, 14.4]), MODELS),
  "Qwen/Qwen3.5-9B": row(qwen35([0.5, 4], [1.5, 12]), MODELS),
  "Qwen/Qwen3.5-4B": row(FREE, MODELS),
  "Qwen/Qwen2.5-7B-Instruct": row(FREE, `${MODELS}; ${LIST}`),
  "Qwen/Qwen2.5-72B-Instruct": row(perMillion(4.13, 4.13), MODELS),
  "Qwen/Qwen2.5-VL-72B-Instruct": unknown(),
  "Qwen/Qwen2.5-VL-32B-Instruct": unknown(),

  // Zhipu GLM served by SiliconFlow
  "THUDM/GLM-4-9B-0414": row(FREE, `${MODELS}; ${LIST}`),
  "THUDM/glm-4-9b-chat": row(FREE, LIST),
  "THUDM/GLM-Z1-9B-0414": row(FREE, `${MODELS}; ${LIST}`),
  "zai-org/GLM-4.5": unknown(),
  "zai-org/GLM-4.5-Air": row(perMillion(1, 6), MODELS),
  "zai-org/GLM-4.5V": row(perMillion(1, 6), MODELS),
  "zai-org/GLM-4.6": row(perMillion(3.5, 14), MODELS),
  "zai-org/GLM-4.6V": row(
    perMillion(1, 3),
    MODELS,
    "the source also has a second row at 3.5/14, likely copied from GLM-4.6",
  ),
  "zai-org/GLM-4.7": row(GLM_47, MODELS, PRO_ONLY),
  "zai-org/GLM-5": row(
    {
      unit: "tokens",
      tiers: [
        { maxInput: 32_000, rates: { input: 4, output: 18, cachedInput: 1 } },
        { rates: { input: 6, output: 22, cachedInput: 1.5 } },
      ],
    },
    MODELS,
    PRO_ONLY,
  ),
  "zai-org/GLM-5.1": row(
    {
      unit: "tokens",
      tiers: [
        { maxInput: 32_000, rates: { input: 6, output: 24, cachedInput: 1.3 } },
        { rates: { input: 8, output: 28, cachedInput: 2 } },
      ],
    },
    MODELS,
    PRO_ONLY,
  ),

  // Moonshot Kimi
  "moonshotai/Kimi-K2-Instruct-0905": row(perMillion(4, 16), MODELS),
  "moonshotai/Kimi-K2-Thinking": row(perMillion(4, 16), MODELS),
  "moonshotai/Kimi-K2.5": row(perMillion(4, 21), MODELS, PRO_ONLY),
  "moonshotai/Kimi-K2.6": row(perMillion(6.5, 27, 1.1), MODELS, PRO_ONLY),

  // Images
  "black-forest-labs/FLUX.1-schnell": unknown(),
  "black-forest-labs/FLUX.1-dev": unknown(),
  "Kwai-Kolors/Kolors": unknown("listed without a price"),
  "Qwen/Qwen-Image": row({ unit: "image", perImage: 0.04 }, MODELS),
  "Qwen/Qwen-Image-Edit": unknown(),
  "Qwen/Qwen-Image-Edit-2509": row({ unit: "image", perImage: 0.04 }, MODELS),
  "Tongyi-MAI/Z-Image-Turbo": unknown(),

  // Video
  "Wan-AI/Wan2.2-T2V-A14B": row({ unit: "video", perVideo: 2 }, MODELS),
  "Wan-AI/Wan2.2-I2V-A14B": row({ unit: "video", perVideo: 2 }, MODELS),
  "Wan-AI/Wan2.1-T2V-14B": unknown(),
  "Wan-AI/Wan2.1-I2V-14B-720P": unknown(),

  // Speech (billed per million UTF-8 bytes of text, seed 003) and transcription
  "FunAudioLLM/CosyVoice2-0.5B": unknown("billed by UTF-8 bytes of the text (seed 003); the rate was not found"),
  "fnlp/MOSS-TTSD-v0.5": unknown("billed by UTF-8 bytes of the text (seed 003); the rate was not found"),
  "FunAudioLLM/SenseVoiceSmall": row(FREE, "seed 003; upstream-contract.md (free)"),
  "TeleAI/TeleSpeechASR": row(FREE, "seed 003; upstream-contract.md (free)"),
};
