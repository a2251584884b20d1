import { isImageReference, isNum, record } from "./http";

// Which fields each simulated image model takes, as the providers' references state them. Kept apart
// from the app's media specs on purpose: the simulator stands in for the provider, so a spec that
// sends a field the model does not take meets a refusal here, as it would upstream.
// Sources (read 2026-12-03):
// - SF-IMG: SiliconFlow's image API reference (docs.siliconflow.cn/cn/api-reference/images/
//   images-generations; api-docs.siliconflow.cn/docs/api/images-generations-post): `image_size`
//   "(Required)" and "Qwen/Qwen-Image-Edit-2509 and Qwen/Qwen-Image-Edit not support this field";
//   `batch_size` 1–4 and `guidance_scale` 0–20 "Only applicable to Kwai-Kolors/Kolors"; `cfg` 0.1–20 on
//   the Qwen-Image models; `num_inference_steps` 1–100; `seed` 0–9999999999; `image` base64 or URL;
//   `image2`, `image3` on Edit-2509 only. upstream-contract.md (late 2026) says the same.
// - SF-400: a parameter a model does not take answers 400 code 20015 "Value error, current model does
//   not support parameter `…`." (upstream-contract.md late 2026, the enable_thinking case; cherry-studio #6642).
// - GLM-IMG: GLM's image API reference (docs.bigmodel.cn/api-reference/模型-api/图像生成): `size` from a
//   recommended list or custom sides 512–2048 divisible by 16 and at most 2^21 pixels; `quality`
//   hd | standard "only supported for cogview-4-250304".

const MAX_SEED = 9_999_999_999;

type SfField =
  | "negative_prompt"
  | "image_size"
  | "batch_size"
  | "seed"
  | "num_inference_steps"
  | "guidance_scale"
  | "cfg"
  | "image"
  | "image2"
  | "image3";

interface SfImageRule {
  fields: readonly SfField[];
  /** `image` must be present (edit models). */
  needsImage?: boolean;
}

const GENERIC: readonly SfField[] = ["negative_prompt", "image_size", "seed", "num_inference_steps"];
const EDIT: readonly SfField[] = ["negative_prompt", "seed", "num_inference_steps", "image"];

const SF_IMAGE_RULES: Record<string, SfImageRule> = {
  "black-forest-labs/FLUX.1-schnell": { fields: GENERIC },
  "black-forest-labs/FLUX.1-dev": { fields: GENERIC },
  "Kwai-Kolors/Kolors": { fields: [...GENERIC, "batch_size", "guidance_scale", "image"] },
  "Qwen/Qwen-Image": { fields: [...GENERIC, "cfg"] },
  "Qwen/Qwen-Image-Edit": { fields: [...EDIT, "cfg"], needsImage: true },
  "Qwen/Qwen-Image-Edit-2509": { fields: [...EDIT, "image2", "image3"], needsImage: true },
  "Tongyi-MAI/Z-Image-Turbo": { fields: GENERIC },
};

const ALL_SF_FIELDS: readonly SfField[] = [
  "negative_prompt",
  "image_size",
  "batch_size",
  "seed",
  "num_inference_steps",
  "guidance_scale",
  "cfg",
  "image",
  "image2",
  "image3",
];

function parseSize(value: unknown, min = 64, max = 2048): { width: number; height: number } | null {
  const m = /^(\d{2,4})x(\d{2,4})$/.exec(String(value));
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < min || height < min || width > max || height > max) return null;
  return { width, height };
}

interface SfImageCheck {
  /** The refusal (SF-400's wording), or null. */
  problem: string | null;
  /** What to render: the requested size, or the first input image's stand-in size for edit models. */
  size: { width: number; height: number };
  batch: number;
  seed?: number;
}

const unsupported = (field: string) => `Value error, current model does not support parameter \`${field}\`.`;

function integerIn(value: unknown, min: number, max: number): boolean {
  return isNum(value) && Number.isInteger(value) && value >= min && value <= max;
}

/** Checks a SiliconFlow image request against its model's rule. */
export function checkSfImage(modelId: string, raw: unknown): SfImageCheck {
  const body = record(raw);
  const rule = SF_IMAGE_RULES[modelId] ?? { fields: GENERIC };
  const result: SfImageCheck = { problem: null, size: { width: 1024, height: 1024 }, batch: 1 };
  const fail = (problem: string) => ({ ...result, problem });
  if (typeof body.prompt !== "string" || body.prompt.trim() === "") return fail("prompt is required");
  for (const field of ALL_SF_FIELDS) {
    if (body[field] !== undefined && body[field] !== null && !rule.fields.includes(field)) {
      return fail(unsupported(field));
    }
  }
  if (rule.fields.includes("image_size")) {
    if (body.image_size === undefined) return fail("image_size is required");
    const size = parseSize(body.image_size);
    if (!size) return fail('image_size must look like "1024x1024" with sides between 64 and 2048');
    result.size = size;
  } else {
    // The edit models keep their input's proportions; the simulator draws a square.
    result.size = { width: 1024, height: 1024 };
  }
  if (body.batch_size !== undefined) {
    if (!integerIn(body.batch_size, 1, 4)) return fail("batch_size must be an integer between 1 and 4");
    result.batch = body.batch_size as number;
  }
  if (body.seed !== undefined) {
    if (!integerIn(body.seed, 0, MAX_SEED)) return fail(`seed must be an integer between 0 and ${MAX_SEED}`);
    result.seed = body.seed as number;
  }
  if (body.num_inference_steps !== undefined) {
    if (!integerIn(body.num_inference_steps, 1, 100)) {
      return fail("num_inference_steps must be an integer between 1 and 100");
    }
  }
  const g = body.guidance_scale;
  if (g !== undefined && (!isNum(g) || g < 0 || g > 20)) return fail("guidance_scale must be between 0 and 20");
  const cfg = body.cfg;
  if (cfg !== undefined && (!isNum(cfg) || cfg < 0.1 || cfg > 20)) return fail("cfg must be between 0.1 and 20");
  for (const field of ["image", "image2", "image3"] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && !isImageReference(value)) {
      return fail(`${field} must be a data URI (data:image/...;base64,...) or an http(s) URL`);
    }
  }
  if (rule.needsImage && !isImageReference(body.image)) return fail(`${modelId} needs an input image`);
  if (body.image3 !== undefined && body.image2 === undefined) return fail("image3 needs image2");
  return result;
}

const GLM_IMAGE_SIZES = ["1024x1024", "768x1344", "864x1152", "1344x768", "1152x864", "1440x720", "720x1440"];

/** GLM-IMG's rule for `size`: a recommended one, or custom sides 512–2048, divisible by 16, ≤ 2^21 px. */
export function glmImageSize(value: unknown): { width: number; height: number } | null {
  const size = parseSize(value, 512, 2048);
  if (!size) return null;
  if (GLM_IMAGE_SIZES.includes(String(value))) return size;
  const ok = size.width % 16 === 0 && size.height % 16 === 0 && size.width * size.height <= 2 ** 21;
  return ok ? size : null;
}

/** Models that take `quality` (GLM-IMG). */
export const GLM_QUALITY_MODELS = ["cogview-4-250304"];
