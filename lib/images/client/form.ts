import type { ImageRecord } from "@/lib/db";
import type { ModelInfo } from "@/lib/providers/catalog";
import { defaultModel, type ImageCaps, imageCaps, MAX_SEED, modelKey, parseModelKey } from "../capabilities";
import type { ImageRequest } from "../contract";
import { buildImageRequest } from "../request";

// The image form as plain data, and the pure steps on it: fitting values to a model, building
// the request, and restoring a stored image's settings. The store and the tests share these.

export interface ImageForm {
  prompt: string;
  negativePrompt: string;
  /** `provider:id`; empty until the model list has loaded. */
  modelKey: string;
  size: string;
  batchSize: number;
  /** null: a new random seed per press. A number: that seed every time (fixed). */
  seed: number | null;
  /** The seed the last random press used, offered for pinning. */
  lastSeed: number | null;
  steps: number | null;
  guidance: number | null;
  /** CogView-4-250304's quality; absent in forms saved before it existed. */
  quality?: string;
}

export const EMPTY_FORM: ImageForm = {
  prompt: "",
  negativePrompt: "",
  modelKey: "",
  size: "1024x1024",
  batchSize: 1,
  seed: null,
  lastSeed: null,
  steps: null,
  guidance: null,
};

/** What a stored image keeps in `params`, enough to rebuild the form. */
export interface StoredParams {
  size: string;
  batchSize: number;
  steps?: number;
  guidance?: number;
  /** The seed was fixed by the user (not drawn at random for that press). */
  seedFixed: boolean;
  /** A gallery image used as the reference, so "Reuse settings" can attach it again. */
  referenceImageId?: string;
  /** Every gallery image used as a reference, in order: the image's lineage. */
  referenceImageIds?: string[];
  hasReference?: boolean;
  /** How many references were sent (some may not have been gallery images). */
  references?: number;
  quality?: string;
  /** Stored per image: its place in the batch the provider returned (0-based). */
  batchIndex?: number;
  /**
   * Stored per image: whose seed `seed` is. "image": this image's own (a batch of one, or a provider
   * that reports per-image seeds). "batch": the request's; this image's own seed is unknown.
   */
  seedScope?: "image" | "batch";
}

export function findModel(models: ModelInfo[], key: string): ModelInfo | undefined {
  const ref = parseModelKey(key);
  return ref ? models.find((m) => m.provider === ref.provider && m.id === ref.id) : undefined;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * The form with every value inside what `model` accepts. `keepTuning` keeps steps and guidance
 * when they fit (reusing settings); switching models resets them to the new model's defaults.
 */
export function fitToModel(form: ImageForm, model: ModelInfo, keepTuning = false): ImageForm {
  const caps = imageCaps(model);
  const steps = caps.steps
    ? keepTuning && form.steps !== null
      ? clamp(Math.round(form.steps), caps.steps.min, caps.steps.max)
      : caps.steps.default
    : null;
  const guidance = caps.guidance
    ? keepTuning && form.guidance !== null
      ? clamp(form.guidance, caps.guidance.min, caps.guidance.max)
      : caps.guidance.default
    : null;
  return {
    ...form,
    modelKey: modelKey(model),
    size: caps.sizes.includes(form.size) ? form.size : (caps.sizes[0] ?? "1024x1024"),
    batchSize: clamp(Math.round(form.batchSize) || 1, 1, caps.batchMax),
    steps,
    guidance,
    quality: caps.spec.quality
      ? form.quality && caps.spec.quality.options.includes(form.quality)
        ? form.quality
        : caps.spec.quality.default
      : undefined,
  };
}

/** A form whose model is one of `models` (the stored choice when still offered, else the default). */
export function withValidModel(form: ImageForm, models: ModelInfo[]): ImageForm {
  const current = findModel(models, form.modelKey);
  if (current) return fitToModel(form, current, true);
  const fallback = defaultModel(models);
  return fallback ? fitToModel(form, fallback) : form;
}

/** The request for one press; `seed` is the value to send (drawn by the caller when random). */
export function buildRequest(
  form: ImageForm,
  caps: ImageCaps,
  seed: number | null,
  images: readonly string[] = [],
): ImageRequest {
  const ref = parseModelKey(form.modelKey);
  if (!ref) throw new Error("no model selected");
  // Only the fields the model takes (request.ts): a size for models without one, or a batch size for
  // models without batches, would be refused by the server.
  return buildImageRequest(ref, caps.spec, {
    prompt: form.prompt,
    negativePrompt: form.negativePrompt,
    size: form.size,
    batchSize: form.batchSize,
    seed: seed === null ? undefined : clamp(Math.floor(seed), 0, MAX_SEED),
    steps: form.steps ?? undefined,
    guidance: form.guidance ?? undefined,
    quality: form.quality,
    references: images.length > 0 ? images : undefined,
  });
}

/** The form as it was for a stored image, with its seed fixed so the same picture comes back. */
export function formFromRecord(record: ImageRecord): ImageForm {
  const p = record.params as Partial<StoredParams>;
  return {
    prompt: record.prompt,
    negativePrompt: record.negativePrompt ?? "",
    modelKey: modelKey(record.model),
    size: typeof p.size === "string" ? p.size : `${record.width ?? 1024}x${record.height ?? 1024}`,
    batchSize: typeof p.batchSize === "number" ? p.batchSize : 1,
    seed: record.seed ?? null,
    lastSeed: null,
    steps: typeof p.steps === "number" ? p.steps : null,
    guidance: typeof p.guidance === "number" ? p.guidance : null,
    quality: typeof p.quality === "string" ? p.quality : undefined,
  };
}

/** Why Generate cannot run yet, or null when it can. */
export function blocker(
  form: ImageForm,
  caps: ImageCaps | null,
  references: number,
): "prompt" | "model" | "reference" | null {
  if (!caps || !form.modelKey) return "model";
  if (!form.prompt.trim()) return "prompt";
  if (references < (caps.spec.references?.min ?? 0)) return "reference";
  return null;
}
