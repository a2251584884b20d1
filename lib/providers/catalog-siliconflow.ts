import type { CatalogEntry, TokenRange } from "./catalog-types";

// SiliconFlow's models as its docs describe them. Every row was checked on REVIEWED against:
// - API: the chat-completions API reference (docs.siliconflow.cn/cn/api-reference/chat-completions,
//   api-docs.siliconflow.cn/docs/api/chat-completions-post): the model list, which models take
//   `enable_thinking` (an explicit list), `thinking_budget` 128–32768 on reasoning models,
//   `reasoning_effort` "high" | "max", `min_p` on Qwen3 only.
// - FAQ: docs.siliconflow.com/en/faqs/misc: max_tokens 16384 for the R1 family, 4096 for the rest;
//   "Pro/" ids are the paid variant of the same model.
// - 128K: SiliconCloud's reasoning-model upgrade notice (Qwen3, QwQ, GLM-Z1 128K context, DeepSeek-R1
//   96K; max_tokens now caps the answer and thinking_budget the reasoning).
// - CONTRACT: /work/shared/upstream-contract.md "What changed by late 2026".
// - CARD: the model maker's own model card, where SiliconFlow's page gives no figure.
// The app sends at most 32768 output tokens (lib/chat/bounds.ts) even where a model allows more,
// so a long prompt still fits the window.

const REVIEWED = "2026-12-03";
const APP_OUTPUT_MAX = 32_768;
const BUDGET: TokenRange = { min: 128, max: 32_768 };
const SWITCH = { kind: "switch", budget: BUDGET } as const;
const ALWAYS = { kind: "always", budget: BUDGET } as const;
const EFFORT = { kind: "effort", levels: ["high", "max"], default: "high", switchable: false } as const;

const row = (source: string, entry: CatalogEntry): CatalogEntry => ({ reviewed: REVIEWED, source, ...entry });

export const SILICONFLOW_MODELS: Record<string, CatalogEntry> = {
  // DeepSeek
  "deepseek-ai/DeepSeek-R1": row("API; FAQ (16384); 128K (96K)", {
    thinking: ALWAYS,
    tools: true,
    maxTokensCap: 16384,
    contextWindow: 98304,
  }),
  "deepseek-ai/DeepSeek-V3": row("API; FAQ", { tools: true, jsonMode: true, contextWindow: 65536 }),
  // Not in the enable_thinking list (only the -Terminus variant is): sending it would be refused.
  "deepseek-ai/DeepSeek-V3.1": row("API (no enable_thinking); CARD 128K", {
    tools: true,
    jsonMode: true,
    maxTokensCap: 8192,
    contextWindow: 131072,
  }),
  "deepseek-ai/DeepSeek-V3.1-Terminus": row("API (enable_thinking); CARD 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "deepseek-ai/DeepSeek-V3.2": row("API (enable_thinking); CARD 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  // reasoning_effort: the API reference names V4-Flash; CONTRACT extends it to the V4 family.
  "deepseek-ai/DeepSeek-V4-Flash": row("API (reasoning_effort high|max); CARD 1M context", {
    thinking: EFFORT,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 1_048_576,
  }),
  "deepseek-ai/DeepSeek-V4-Pro": row("API (model list); CONTRACT (reasoning_effort on the V4 family); CARD 1M", {
    thinking: EFFORT,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 1_048_576,
  }),
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B": row("FAQ (16384); seed 003", {
    thinking: ALWAYS,
    thinkTags: true,
    free: true,
    maxTokensCap: 16384,
  }),
  "deepseek-ai/deepseek-vl2": row("API (VLM list); seed 003 (vision tokens)", {
    vision: true,
    maxImages: 2,
    contextWindow: 4096,
  }),

  // Qwen
  "Qwen/QwQ-32B": row("API; 128K", { thinking: ALWAYS, tools: true, maxTokensCap: 16384, contextWindow: 131072 }),
  "Qwen/Qwen3-8B": row("API (enable_thinking, min_p); 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    free: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "Qwen/Qwen3-14B": row("API (enable_thinking); 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "Qwen/Qwen3-32B": row("API (enable_thinking); 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "Qwen/Qwen3-30B-A3B": row("API (enable_thinking); 128K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "Qwen/Qwen3-235B-A22B-Thinking-2507": row("API; CARD 256K", {
    thinking: ALWAYS,
    tools: true,
    maxTokensCap: 16384,
    contextWindow: 262144,
  }),
  "Qwen/Qwen3-235B-A22B-Instruct-2507": row("API; CARD 256K", {
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 262144,
  }),
  "Qwen/Qwen3.5-397B-A17B": row("API (enable_thinking); CARD 256K", qwen35()),
  "Qwen/Qwen3.5-122B-A10B": row("API (enable_thinking); CARD 256K", qwen35()),
  "Qwen/Qwen3.5-35B-A3B": row("API (enable_thinking); CARD 256K", qwen35()),
  "Qwen/Qwen3.5-27B": row("API (enable_thinking); CARD 256K", qwen35()),
  "Qwen/Qwen3.5-9B": row("API (enable_thinking); CARD 256K", qwen35()),
  // Free per siliconflow.cn/models (see prices-siliconflow.ts).
  "Qwen/Qwen3.5-4B": row("API (enable_thinking); CARD 256K; free: model page", { ...qwen35(), free: true }),
  "Qwen/Qwen2.5-7B-Instruct": row("API; FAQ", { tools: true, jsonMode: true, free: true, contextWindow: 32768 }),
  "Qwen/Qwen2.5-72B-Instruct": row("API; FAQ", { tools: true, jsonMode: true, contextWindow: 32768 }),
  "Qwen/Qwen2.5-VL-72B-Instruct": row("API (VLM list); FAQ", { vision: true, maxImages: 8 }),
  "Qwen/Qwen2.5-VL-32B-Instruct": row("API (VLM list); FAQ", { vision: true, maxImages: 8 }),

  // Zhipu GLM served by SiliconFlow
  "THUDM/GLM-4-9B-0414": row("API; FAQ", { tools: true, free: true, contextWindow: 32768 }),
  "THUDM/glm-4-9b-chat": row("API; FAQ", { tools: true, free: true, contextWindow: 32768 }),
  "THUDM/GLM-Z1-9B-0414": row("API; 128K", {
    thinking: ALWAYS,
    free: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  // Not in the enable_thinking list: GLM-4.5 thinks on its own here.
  "zai-org/GLM-4.5": row("API (no enable_thinking); CARD 128K", {
    thinking: ALWAYS,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "zai-org/GLM-4.5-Air": row("API (no enable_thinking); CARD 128K", {
    thinking: ALWAYS,
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  "zai-org/GLM-4.5V": row("API (enable_thinking, VLM list); CARD 64K", {
    thinking: SWITCH,
    vision: true,
    maxImages: 8,
    maxTokensCap: 16384,
    contextWindow: 65536,
  }),
  "zai-org/GLM-4.6": row("API (enable_thinking); CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "zai-org/GLM-4.6V": row("API (VLM list, no enable_thinking); CONTRACT 128K", {
    thinking: ALWAYS,
    vision: true,
    maxImages: 8,
    tools: true,
    maxTokensCap: 16384,
    contextWindow: 131072,
  }),
  // The API reference lists Pro/zai-org/GLM-4.7 and Pro/zai-org/GLM-5 for enable_thinking.
  "zai-org/GLM-4.7": row("API (enable_thinking); CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "zai-org/GLM-5": row("API (enable_thinking); CARD 200K", {
    thinking: SWITCH,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),
  "zai-org/GLM-5.1": row("API (model list); CONTRACT (reasoning_effort on GLM-5.x); CARD 200K", {
    thinking: EFFORT,
    tools: true,
    jsonMode: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 204800,
  }),

  // Moonshot Kimi: no enable_thinking on SiliconFlow; the Thinking and K2.5+ models think on their own.
  "moonshotai/Kimi-K2-Instruct-0905": row("API; CARD 256K", {
    tools: true,
    jsonMode: true,
    maxTokensCap: 16384,
    contextWindow: 262144,
  }),
  "moonshotai/Kimi-K2-Thinking": row("API; CARD 256K", {
    thinking: ALWAYS,
    tools: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 262144,
  }),
  "moonshotai/Kimi-K2.5": row("API; CARD 256K", {
    thinking: ALWAYS,
    tools: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 262144,
  }),
  "moonshotai/Kimi-K2.6": row("API; CARD 256K", {
    thinking: ALWAYS,
    tools: true,
    maxTokensCap: APP_OUTPUT_MAX,
    contextWindow: 262144,
  }),

  // Media: what each model takes (sizes, steps, references, voices …) is in media-siliconflow.ts.
  "black-forest-labs/FLUX.1-schnell": row("seed 003; CONTRACT", { type: "image" }),
  "black-forest-labs/FLUX.1-dev": row("seed 003; CONTRACT", { type: "image" }),
  "Kwai-Kolors/Kolors": row("CONTRACT", { type: "image" }),
  "Qwen/Qwen-Image": row("CONTRACT", { type: "image" }),
  "Qwen/Qwen-Image-Edit": row("CONTRACT", { type: "image" }),
  "Qwen/Qwen-Image-Edit-2509": row("CONTRACT", { type: "image" }),
  "Tongyi-MAI/Z-Image-Turbo": row("API (model list, type=image)", { type: "image" }),
  "Wan-AI/Wan2.2-T2V-A14B": row("CONTRACT", { type: "video" }),
  "Wan-AI/Wan2.2-I2V-A14B": row("CONTRACT", { type: "video" }),
  "Wan-AI/Wan2.1-T2V-14B": row("seed 003", { type: "video" }),
  "Wan-AI/Wan2.1-I2V-14B-720P": row("seed 003", { type: "video" }),
  "FunAudioLLM/CosyVoice2-0.5B": row("seed 003", { type: "speech" }),
  "fnlp/MOSS-TTSD-v0.5": row("CONTRACT (two speakers)", { type: "speech" }),
  "FunAudioLLM/SenseVoiceSmall": row("seed 003; CONTRACT", { type: "transcription", free: true }),
  "TeleAI/TeleSpeechASR": row("seed 003; CONTRACT", { type: "transcription", free: true }),
};

function qwen35(): CatalogEntry {
  return { thinking: SWITCH, tools: true, jsonMode: true, maxTokensCap: APP_OUTPUT_MAX, contextWindow: 262144 };
}
