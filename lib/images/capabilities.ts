import type { ModelInfo } from "@/lib/providers/catalog";
import type { ModelRef } from "@/lib/providers/catalog-types";
import type { ImageSpec } from "@/lib/providers/media";

// What the image form offers for one model, as the first-wave page reads it: a flat view of the
// model's media spec (lib/providers/media-*.ts). The request itself is built and checked from the
// spec (request.ts), by the form and by the route alike, so the page never sends a field the
// server would refuse.

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
  /** Empty when the model takes no size (the edit models follow their input image). */
  sizes: string[];
  batchMax: number;
  steps?: { min: number; max: number; default: number };
  guidance?: { min: number; max: number; default: number };
  /** SiliconFlow takes a seed; GLM CogView has none (every call is a new picture). */
  seed: boolean;
  negativePrompt: boolean;
  reference: ReferenceMode;
  /** Qwen-Image models name their guidance `cfg`; Kolors `guidance_scale`. */
  guidanceField: "guidance_scale" | "cfg";
  /** The whole spec, for the request builder (request.ts). */
  spec: ImageSpec;
}

const range = (r: { min: number; max: number; default: number } | undefined) =>
  r && { min: r.min, max: r.max, default: r.default };

export function imageCaps(info: ModelInfo): ImageCaps {
  const spec: ImageSpec =
    info.media?.kind === "image" ? info.media : { kind: "image", promptMax: PROMPT_MAX_CHARS, sizes: { options: [] } };
  return {
    sizes: spec.sizes ? [...spec.sizes.options] : [],
    batchMax: Math.max(1, Math.min(MAX_BATCH, spec.batch?.max ?? 1)),
    steps: range(spec.steps),
    guidance: range(spec.guidance),
    seed: spec.seed !== undefined,
    negativePrompt: spec.negativePrompt === true,
    reference: !spec.references ? "none" : spec.references.min > 0 ? "required" : "optional",
    guidanceField: spec.guidance?.field ?? "guidance_scale",
    spec,
  };
}

/** A model's key in the form and in stored settings: `provider:id` (ids never contain a colon). */
export function modelKey(ref: ModelRef): string {
  return `${ref.provider}:${ref.id}`;
}

export function parseModelKey(key: string): ModelRef | null {
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
