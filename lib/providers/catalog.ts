import type { Provider } from "@/lib/errors";
import { GLM_MODELS } from "./catalog-glm";
import { SILICONFLOW_MODELS } from "./catalog-siliconflow";
import type { CatalogEntry, ModelRef, ModelType, ThinkingControl } from "./catalog-types";
import { type MediaKind, type MediaSpec, mediaSpec } from "./media";

// The providers' model lists carry ids only; what a model can do lives here, one table per provider
// (catalog-siliconflow.ts, catalog-glm.ts), each entry with the date its sources were read.
// Unknown ids get conservative defaults from `describeModel`, so a new upstream model still appears
// (and works for plain chat) before this table learns it: no thinking switch is ever sent to a model
// the table does not know, because the providers refuse parameters a model does not take.

export type { ModelType } from "./catalog-types";
export const MODEL_TYPES: readonly ModelType[] = ["chat", "image", "video", "speech", "transcription"];

export interface ModelInfo {
  id: string;
  provider: Provider;
  type: ModelType;
  /** Thinks before answering (reasoning_content or <think> tags), at least by default. */
  reasoning: boolean;
  /** How this model's thinking is switched or tuned: the request fields it takes (see ThinkingControl). */
  thinking: ThinkingControl;
  /** Reasoning arrives inside <think>…</think> in the content. */
  thinkTags: boolean;
  vision: boolean;
  /** GLM-4V-Flash takes image URLs only, not inline base64. */
  visionUrlOnly: boolean;
  /** GLM-4V models take only user and assistant turns: a system prompt is folded into the first user turn. */
  systemInUser: boolean;
  /**
   * Set by /api/models, not the catalog: this server publishes inline images as links
   * (PUBLIC_BASE_URL), so a URL-only model takes attached images after all.
   */
  imageLinksServed?: boolean;
  tools: boolean;
  jsonMode: boolean;
  free: boolean;
  /** The largest max_tokens the app sends or accepts; sent when the user sets none. */
  maxTokensCap: number;
  /** Prompt and output together, in tokens. */
  contextWindow: number;
  temperatureMax: number;
  maxImages: number;
  /** Requests the provider serves at once for this model; absent where none is published. */
  concurrency?: number;
  /** When the entry's sources were last read (YYYY-MM-DD); absent for ids the catalog does not know. */
  reviewed?: string;
  /** Where the entry's figures come from. */
  source?: string;
  /**
   * Image, video and speech models: every field the model takes, with its range and default
   * (lib/providers/media-*.ts). The forms offer these fields only and the request builders send only them.
   */
  media?: MediaSpec;
  /** Image models: accepted sizes, batch limit, step and guidance ranges (derived from `media`). */
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

const TABLES: Record<Provider, Record<string, CatalogEntry>> = { siliconflow: SILICONFLOW_MODELS, glm: GLM_MODELS };

function guessType(id: string): ModelType {
  const lower = id.toLowerCase();
  if (/flux|kolors|stable-diffusion|sdxl|cogview|qwen-image|z-image/.test(lower)) return "image";
  if (/t2v|i2v|wan-ai|cogvideo/.test(lower)) return "video";
  if (/cosyvoice|tts|fish-speech|moss/.test(lower)) return "speech";
  if (/sensevoice|asr|whisper/.test(lower)) return "transcription";
  return "chat";
}

/**
 * SiliconFlow's paid variants carry a "Pro/" prefix on the same model (docs.siliconflow.com FAQ,
 * "Differences Between Pro and Non-Pro Models"): same capabilities, never free.
 */
function entryFor(provider: Provider, id: string): CatalogEntry | undefined {
  const table = TABLES[provider];
  const own = table[id];
  if (own) return own;
  if (provider === "siliconflow" && id.startsWith("Pro/")) {
    const base = table[id.slice(4)];
    if (base) return { ...base, free: false };
  }
  return undefined;
}

const MEDIA_KINDS: Partial<Record<ModelType, MediaKind>> = { image: "image", video: "video", speech: "speech" };

/** The older per-field view of an image or video spec, which the first-wave pages still read. */
function legacyMediaFields(media: MediaSpec | undefined): Partial<ModelInfo> {
  if (media?.kind === "image") {
    return {
      imageSizes: media.sizes ? [...media.sizes.options] : [],
      batchMax: media.batch?.max ?? 1,
      steps: media.steps && { min: media.steps.min, max: media.steps.max, default: media.steps.default },
      guidance: media.guidance && { min: media.guidance.min, max: media.guidance.max, default: media.guidance.default },
      imageToImage: media.references ? true : undefined,
      imageRequired: media.references && media.references.min > 0 ? true : undefined,
    };
  }
  if (media?.kind === "video") return { imageToVideo: (media.frames?.min ?? 0) > 0 };
  return {};
}

/** Capability record for any id: the table's entry, or safe defaults inferred from the name. */
export function describeModel(provider: Provider, id: string): ModelInfo {
  const entry = entryFor(provider, id) ?? {};
  const lower = id.toLowerCase();
  const type = entry.type ?? guessType(id);
  const kind = MEDIA_KINDS[type];
  const media = kind ? mediaSpec(provider, id, kind) : undefined;
  // An unknown model that looks like a reasoner thinks on its own; nothing is sent to switch it.
  const thinking: ThinkingControl =
    entry.thinking ?? (/(^|[/-])(r1|qwq)|thinking|reasoner|z1/.test(lower) ? { kind: "always" } : { kind: "none" });
  const reasoning = thinking.kind !== "none";
  return {
    id,
    provider,
    type,
    reasoning,
    thinking,
    thinkTags: entry.thinkTags ?? /distill/.test(lower),
    vision: entry.vision ?? /(-vl|vl2|4v|vision)/.test(lower),
    visionUrlOnly: entry.visionUrlOnly ?? false,
    systemInUser: entry.systemInUser ?? false,
    tools: entry.tools ?? false,
    jsonMode: entry.jsonMode ?? false,
    free: entry.free ?? false,
    maxTokensCap: entry.maxTokensCap ?? (reasoning ? 16384 : 4096),
    contextWindow: entry.contextWindow ?? 32768,
    temperatureMax: entry.temperatureMax ?? (provider === "glm" ? 1 : 2),
    maxImages: entry.maxImages ?? (entry.vision ? 4 : 0),
    concurrency: entry.concurrency,
    reviewed: entry.reviewed,
    source: entry.source,
    ...(media ? { media } : {}),
    ...legacyMediaFields(media),
  };
}

/** Ids the app knows for a provider that has no list endpoint (GLM). */
export function catalogIds(provider: Provider): string[] {
  return Object.keys(TABLES[provider]);
}

/**
 * The vision models offered when images are attached to a model that cannot see them, best first:
 * current models, free ones before paid ones. Ids missing from the provider's list are skipped.
 */
export const VISION_FALLBACKS: readonly ModelRef[] = [
  { provider: "glm", id: "glm-4.6v-flash" },
  { provider: "siliconflow", id: "zai-org/GLM-4.6V" },
  { provider: "glm", id: "glm-4.6v" },
  { provider: "siliconflow", id: "zai-org/GLM-4.5V" },
  { provider: "glm", id: "glm-4.5v" },
  { provider: "siliconflow", id: "Qwen/Qwen2.5-VL-72B-Instruct" },
];

/** SiliconFlow's `/models` query for each app model type. */
export const SILICONFLOW_MODEL_QUERY: Record<ModelType, string> = {
  chat: "type=text&sub_type=chat",
  image: "type=image",
  video: "type=video",
  speech: "type=audio",
  transcription: "type=audio&sub_type=speech-to-text",
};
