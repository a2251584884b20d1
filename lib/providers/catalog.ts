import type { Provider } from "@/lib/errors";

// The providers' model lists carry ids only; what a model can do lives here.
// Unknown ids get conservative defaults from `describeModel`, so a new upstream
// model still appears (and works for plain chat) before this table learns it.

export type ModelType = "chat" | "image" | "video" | "speech" | "transcription";
export const MODEL_TYPES: readonly ModelType[] = ["chat", "image", "video", "speech", "transcription"];

export interface ModelInfo {
  id: string;
  provider: Provider;
  type: ModelType;
  /** Thinks before answering (reasoning_content or <think> tags). */
  reasoning: boolean;
  /** Thinking can be switched with enable_thinking / thinking_budget. */
  hybridThinking: boolean;
  /** Reasoning arrives inside <think>…</think> in the content. */
  thinkTags: boolean;
  vision: boolean;
  /** GLM-4V-Flash takes image URLs only, not inline base64. */
  visionUrlOnly: boolean;
  /**
   * Set by /api/models, not the catalog: this server publishes inline images as links
   * (PUBLIC_BASE_URL), so a URL-only model takes attached images after all.
   */
  imageLinksServed?: boolean;
  tools: boolean;
  jsonMode: boolean;
  free: boolean;
  maxTokensCap: number;
  contextWindow: number;
  temperatureMax: number;
  maxImages: number;
  /** Image models: accepted sizes, batch limit, step and guidance ranges. */
  imageSizes?: string[];
  batchMax?: number;
  steps?: { min: number; max: number; default: number };
  guidance?: { min: number; max: number; default: number };
  imageToImage?: boolean;
  /** Image models: a reference image is required, not only accepted (edit models). */
  imageRequired?: boolean;
  /** Video models: image-to-video requires a start image. */
  imageToVideo?: boolean;
}

type Entry = Partial<Omit<ModelInfo, "id" | "provider" | "type">> & { type?: ModelType };

const FLUX_SIZES = ["1024x1024", "512x1024", "768x512", "768x1024", "1024x576", "576x1024"];

const SILICONFLOW: Record<string, Entry> = {
  "deepseek-ai/DeepSeek-R1": { reasoning: true, tools: true, maxTokensCap: 16384, contextWindow: 98304 },
  "deepseek-ai/DeepSeek-V3": { tools: true, jsonMode: true, contextWindow: 65536 },
  "deepseek-ai/DeepSeek-V3.1": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true },
  "deepseek-ai/DeepSeek-V3.2": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true },
  "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B": { reasoning: true, thinkTags: true, free: true, maxTokensCap: 16384 },
  "Qwen/QwQ-32B": { reasoning: true, tools: true, maxTokensCap: 16384 },
  "Qwen/Qwen3-8B": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true, free: true },
  "Qwen/Qwen3-32B": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true },
  "Qwen/Qwen3-235B-A22B-Thinking-2507": { reasoning: true, tools: true, maxTokensCap: 16384 },
  "Qwen/Qwen2.5-7B-Instruct": { tools: true, jsonMode: true, free: true, contextWindow: 32768 },
  "Qwen/Qwen2.5-72B-Instruct": { tools: true, jsonMode: true, contextWindow: 32768 },
  "THUDM/GLM-4-9B-0414": { tools: true, free: true, contextWindow: 32768 },
  "THUDM/glm-4-9b-chat": { tools: true, free: true, contextWindow: 32768 },
  "zai-org/GLM-4.5V": { reasoning: true, hybridThinking: true, vision: true, maxImages: 8 },
  "Qwen/Qwen2.5-VL-72B-Instruct": { vision: true, maxImages: 8 },
  "Qwen/Qwen2.5-VL-32B-Instruct": { vision: true, maxImages: 8 },
  "deepseek-ai/deepseek-vl2": { vision: true, maxImages: 2, contextWindow: 4096 },
  "black-forest-labs/FLUX.1-schnell": {
    type: "image",
    imageSizes: FLUX_SIZES,
    batchMax: 4,
    steps: { min: 1, max: 10, default: 4 },
  },
  "black-forest-labs/FLUX.1-dev": {
    type: "image",
    imageSizes: FLUX_SIZES,
    batchMax: 4,
    steps: { min: 1, max: 30, default: 20 },
    guidance: { min: 0, max: 20, default: 3.5 },
  },
  "Kwai-Kolors/Kolors": {
    type: "image",
    imageSizes: ["1024x1024", "960x1280", "768x1024", "720x1440", "720x1280"],
    batchMax: 4,
    steps: { min: 1, max: 49, default: 25 },
    guidance: { min: 0, max: 20, default: 7.5 },
    imageToImage: true,
  },
  "Qwen/Qwen-Image": {
    type: "image",
    imageSizes: ["1328x1328", "1664x928", "928x1664", "1472x1140", "1140x1472"],
    batchMax: 1,
    steps: { min: 1, max: 100, default: 50 },
    guidance: { min: 0.1, max: 20, default: 4 },
  },
  "Qwen/Qwen-Image-Edit": {
    type: "image",
    imageSizes: ["1328x1328"],
    batchMax: 1,
    steps: { min: 1, max: 100, default: 50 },
    guidance: { min: 0.1, max: 20, default: 4 },
    imageToImage: true,
    imageRequired: true,
  },
  "Wan-AI/Wan2.2-T2V-A14B": { type: "video" },
  "Wan-AI/Wan2.1-T2V-14B": { type: "video" },
  "Wan-AI/Wan2.2-I2V-A14B": { type: "video", imageToVideo: true },
  "Wan-AI/Wan2.1-I2V-14B-720P": { type: "video", imageToVideo: true },
  "FunAudioLLM/CosyVoice2-0.5B": { type: "speech" },
  "FunAudioLLM/SenseVoiceSmall": { type: "transcription", free: true },
  "TeleAI/TeleSpeechASR": { type: "transcription", free: true },
};

const GLM: Record<string, Entry> = {
  "glm-4-flash": { tools: true, jsonMode: true, free: true, temperatureMax: 1, contextWindow: 131072 },
  "glm-4.5-flash": { reasoning: true, hybridThinking: true, tools: true, free: true, temperatureMax: 1 },
  "glm-4.5": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true, temperatureMax: 1 },
  "glm-4.6": { reasoning: true, hybridThinking: true, tools: true, jsonMode: true, temperatureMax: 1 },
  "glm-z1-flash": { reasoning: true, free: true, temperatureMax: 1 },
  "glm-4v-flash": { vision: true, visionUrlOnly: true, free: true, maxTokensCap: 1024, temperatureMax: 1 },
  "glm-4v-plus": { vision: true, maxTokensCap: 1024, temperatureMax: 1 },
  "glm-4.5v": { reasoning: true, hybridThinking: true, vision: true, temperatureMax: 1 },
  "cogview-3-flash": { type: "image", free: true, imageSizes: ["1024x1024", "768x1344", "1344x768"], batchMax: 1 },
  "cogview-4": { type: "image", imageSizes: ["1024x1024", "768x1344", "1344x768"], batchMax: 1 },
};

const TABLES: Record<Provider, Record<string, Entry>> = { siliconflow: SILICONFLOW, glm: GLM };

function guessType(id: string): ModelType {
  const lower = id.toLowerCase();
  if (/flux|kolors|stable-diffusion|sdxl|cogview|qwen-image/.test(lower)) return "image";
  if (/t2v|i2v|wan-ai|cogvideo/.test(lower)) return "video";
  if (/cosyvoice|tts|fish-speech|moss/.test(lower)) return "speech";
  if (/sensevoice|asr|whisper/.test(lower)) return "transcription";
  return "chat";
}

/** Capability record for any id: the table's entry, or safe defaults inferred from the name. */
export function describeModel(provider: Provider, id: string): ModelInfo {
  const entry = TABLES[provider][id] ?? {};
  const lower = id.toLowerCase();
  const type = entry.type ?? guessType(id);
  const reasoning = entry.reasoning ?? /(^|[/-])(r1|qwq)|thinking|reasoner|z1/.test(lower);
  return {
    id,
    provider,
    type,
    reasoning,
    hybridThinking: entry.hybridThinking ?? false,
    thinkTags: entry.thinkTags ?? /distill/.test(lower),
    vision: entry.vision ?? /(-vl|vl2|4v|vision)/.test(lower),
    visionUrlOnly: entry.visionUrlOnly ?? false,
    tools: entry.tools ?? false,
    jsonMode: entry.jsonMode ?? false,
    free: entry.free ?? false,
    maxTokensCap: entry.maxTokensCap ?? (reasoning ? 16384 : 4096),
    contextWindow: entry.contextWindow ?? 32768,
    temperatureMax: entry.temperatureMax ?? 2,
    maxImages: entry.maxImages ?? (entry.vision ? 4 : 0),
    imageSizes: entry.imageSizes ?? (type === "image" ? ["1024x1024"] : undefined),
    batchMax: entry.batchMax ?? (type === "image" ? 1 : undefined),
    steps: entry.steps,
    guidance: entry.guidance,
    imageToImage: entry.imageToImage,
    imageRequired: entry.imageRequired,
    imageToVideo: entry.imageToVideo ?? (type === "video" ? /i2v/.test(lower) : undefined),
  };
}

/** Ids the app knows for a provider that has no list endpoint (GLM). */
export function catalogIds(provider: Provider): string[] {
  return Object.keys(TABLES[provider]);
}

/** SiliconFlow's `/models` query for each app model type. */
export const SILICONFLOW_MODEL_QUERY: Record<ModelType, string> = {
  chat: "type=text&sub_type=chat",
  image: "type=image",
  video: "type=video",
  speech: "type=audio",
  transcription: "type=audio&sub_type=speech-to-text",
};
