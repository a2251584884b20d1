import type { Provider } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";

// What the image form offers and what the route accepts for one model, derived from the
// catalog entry plus the provider's wire rules. Form and route read the same function, so
// the page never offers a value the server would refuse.

export const MAX_SEED = 9_999_999_999;
export const MAX_BATCH = 4;
/**
 * Largest reference image (decoded bytes) the route forwards to the provider. As base64 in JSON
 * it must stay under the 10 MB that Next buffers for requests passing through proxy.ts
 * (`proxyClientMaxBodySize`): a longer body would reach the route cut short.
 */
export const MAX_REFERENCE_BYTES = 7 * 1024 * 1024;
export const PROMPT_MAX_CHARS = 4000;
export const REFERENCE_MIME = ["image/png", "image/jpeg", "image/webp"] as const;

export type ReferenceMode = "none" | "optional" | "required";

export interface ImageCaps {
  sizes: string[];
  batchMax: number;
  steps?: { min: number; max: number; default: number };
  guidance?: { min: number; max: number; default: number };
  /** SiliconFlow takes a seed; GLM CogView has none (every call is a new picture). */
  seed: boolean;
  negativePrompt: boolean;
  reference: ReferenceMode;
  /** Qwen-Image models name their guidance `cfg`; the others `guidance_scale`. */
  guidanceField: "guidance_scale" | "cfg";
}

export function imageCaps(info: ModelInfo): ImageCaps {
  const sf = info.provider === "siliconflow";
  return {
    sizes: info.imageSizes?.length ? info.imageSizes : ["1024x1024"],
    batchMax: Math.max(1, Math.min(MAX_BATCH, info.batchMax ?? 1)),
    steps: sf ? info.steps : undefined,
    guidance: sf ? info.guidance : undefined,
    seed: sf,
    negativePrompt: sf,
    reference: !sf || !info.imageToImage ? "none" : info.imageRequired ? "required" : "optional",
    guidanceField: /^Qwen\/Qwen-Image/i.test(info.id) ? "cfg" : "guidance_scale",
  };
}

/** A model's key in the form and in stored settings: `provider:id` (ids never contain a colon). */
export function modelKey(ref: { provider: Provider; id: string }): string {
  return `${ref.provider}:${ref.id}`;
}

export function parseModelKey(key: string): { provider: Provider; id: string } | null {
  const at = key.indexOf(":");
  if (at < 0) return null;
  const provider = key.slice(0, at);
  if (provider !== "siliconflow" && provider !== "glm") return null;
  return { provider, id: key.slice(at + 1) };
}

/** A fresh seed in the provider's range, from the browser's CSPRNG where there is one. */
export function randomSeed(): number {
  const c = globalThis.crypto;
  if (c?.getRandomValues) {
    const words = c.getRandomValues(new Uint32Array(2));
    // 2^53 / 1e10 is large, so the modulo bias is negligible.
    return ((words[0] ?? 0) * 2 ** 21 + ((words[1] ?? 0) >>> 11)) % (MAX_SEED + 1);
  }
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

/** Picks the model the page starts with: FLUX.1-schnell (cheap, fast, batch 4) when offered. */
export function defaultModel(models: ModelInfo[]): ModelInfo | undefined {
  return (
    models.find((m) => m.id === "black-forest-labs/FLUX.1-schnell") ??
    models.find((m) => m.provider === "siliconflow") ??
    models[0]
  );
}
