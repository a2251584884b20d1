import type { ImageSpec, MediaRow, NumberRange, SpeechSpec, VideoSpec } from "./media-types";

// SiliconFlow's image, video and speech models: what each one takes. Every row was checked on
// REVIEWED against:
// - IMG: the image API reference (docs.siliconflow.cn/cn/api-reference/images/images-generations,
//   api-docs.siliconflow.cn/docs/api/images-generations-post): `image_size` required, with recommended
//   sizes for Kolors and Qwen-Image, "Qwen/Qwen-Image-Edit-2509 and Qwen/Qwen-Image-Edit not support
//   this field"; `batch_size` 1–4 and `guidance_scale` 0–20 "only applicable to Kwai-Kolors/Kolors";
//   `num_inference_steps` 1–100 (default 20); `seed` 0–9999999999; `cfg` 0.1–20 for the Qwen-Image
//   models (docs.siliconflow.com/cn/api-reference/images/images-generations: "official configuration
//   uses 50 steps with CFG 4.0"); `image` (base64 or URL), and `image2`, `image3` for Edit-2509 only.
//   A third-party table of the same endpoint agrees (Edit-2509: prompt, negative_prompt, seed,
//   num_inference_steps, image, image2, image3; Edit: the same with one image).
// - CONTRACT: /work/shared/upstream-contract.md, late 2026 (edit models refuse image_size; batch_size
//   and guidance_scale Kolors-only; Qwen-Image uses cfg; FLUX.1-dev ≤ 30 steps).
// - SEED: seed 003 (FLUX.1-schnell, FLUX.1-dev; batch_size up to 4 in the older guide; Wan2.1 models;
//   image-to-video sizes 1280×720, 720×1280, 960×960; CosyVoice2 presets, formats, speed, gain).
// - VIDEO: the video API reference (api-docs.siliconflow.cn/docs/api/video-submit-post): Wan2.2-T2V-A14B
//   and Wan2.2-I2V-A14B, `image_size` required (1280x720 | 720x1280 | 960x960), `image` required for I2V,
//   `negative_prompt`, `seed`.
// - SPEECH: the speech API reference (docs.siliconflow.cn/api-reference/audio/create-speech): MOSS-TTSD
//   input 1–128000 characters with [S1]/[S2] turns, `max_tokens` default 2048 (input + output under 32k),
//   `references` for two voices ("voice" holds one timbre only), presets alex … diana, speed, gain.
// - CARD: the model's own card where SiliconFlow says nothing (Z-Image-Turbo: 8 steps, no CFG, no
//   negative prompt).

export const MEDIA_REVIEWED = "2026-12-03";

const SEED: NumberRange = { min: 0, max: 9_999_999_999, default: 0, integer: true };
const STEPS_API: NumberRange = { min: 1, max: 100, default: 20, integer: true };
/** The app's prompt cap; the image endpoint documents none. */
const PROMPT_MAX = 4000;

const FLUX_SIZES = ["1024x1024", "512x1024", "768x512", "768x1024", "1024x576", "576x1024"];
const KOLORS_SIZES = ["1024x1024", "960x1280", "768x1024", "720x1440", "720x1280"];
const QWEN_SIZES = ["1328x1328", "1664x928", "928x1664", "1472x1140", "1140x1472", "1584x1056", "1056x1584"];
const WAN_SIZES = { options: ["1280x720", "720x1280", "960x960"], required: true } as const;

const image = (source: string, spec: Omit<ImageSpec, "kind" | "promptMax">): MediaRow => ({
  kind: "image",
  promptMax: PROMPT_MAX,
  reviewed: MEDIA_REVIEWED,
  source,
  ...spec,
});

const QWEN_CFG = { min: 0.1, max: 20, default: 4, field: "cfg" } as const;

const wan = (source: string, i2v: boolean): MediaRow =>
  ({
    kind: "video",
    reviewed: MEDIA_REVIEWED,
    source,
    promptMax: 4000,
    promptRequired: true,
    sizes: WAN_SIZES,
    negativePrompt: true,
    seed: SEED,
    ...(i2v
      ? {
          frames: {
            min: 1,
            max: 1,
            mimes: ["image/png", "image/jpeg", "image/webp"],
            maxBytes: 7 * 1024 * 1024,
          },
        }
      : {}),
  }) satisfies VideoSpec & { reviewed: string; source: string };

const SPEECH_COMMON = {
  speed: { min: 0.25, max: 4, default: 1 },
  gain: { min: -10, max: 10, default: 0 },
  presets: ["alex", "benjamin", "charles", "david", "anna", "bella", "claire", "diana"],
} as const satisfies Partial<SpeechSpec>;

export const SILICONFLOW_MEDIA: Record<string, MediaRow> = {
  // FLUX: the generic fields only (IMG: batch_size and guidance_scale are Kolors-only).
  "black-forest-labs/FLUX.1-schnell": image("IMG; SEED; CONTRACT", {
    sizes: { options: FLUX_SIZES },
    steps: { min: 1, max: 10, default: 4, integer: true },
    seed: SEED,
    negativePrompt: true,
    englishPrompt: true,
  }),
  "black-forest-labs/FLUX.1-dev": image("IMG; SEED; CONTRACT (≤ 30 steps)", {
    sizes: { options: FLUX_SIZES },
    steps: { min: 1, max: 30, default: 20, integer: true },
    seed: SEED,
    negativePrompt: true,
    englishPrompt: true,
  }),
  "Kwai-Kolors/Kolors": image("IMG (batch_size, guidance_scale, recommended sizes); CONTRACT", {
    sizes: { options: KOLORS_SIZES },
    batch: { min: 1, max: 4, default: 1, integer: true },
    steps: STEPS_API,
    guidance: { min: 0, max: 20, default: 7.5, field: "guidance_scale" },
    seed: SEED,
    negativePrompt: true,
    references: { min: 0, max: 1 },
  }),
  "Qwen/Qwen-Image": image("IMG (recommended sizes, cfg 0.1–20, 50 steps and CFG 4.0); CONTRACT (cfg)", {
    sizes: { options: QWEN_SIZES },
    steps: { ...STEPS_API, default: 50 },
    guidance: QWEN_CFG,
    seed: SEED,
    negativePrompt: true,
  }),
  "Qwen/Qwen-Image-Edit": image("IMG (no image_size; one image; cfg on the Qwen-Image models)", {
    steps: { ...STEPS_API, default: 50 },
    guidance: QWEN_CFG,
    seed: SEED,
    negativePrompt: true,
    references: { min: 1, max: 1 },
  }),
  "Qwen/Qwen-Image-Edit-2509": image("IMG (no image_size; image, image2, image3); CONTRACT", {
    steps: { ...STEPS_API, default: 50 },
    seed: SEED,
    negativePrompt: true,
    references: { min: 1, max: 3 },
  }),
  "Tongyi-MAI/Z-Image-Turbo": image("IMG (generic fields); CARD (8 steps, no CFG or negative prompt)", {
    sizes: { options: ["1024x1024"] },
    steps: { ...STEPS_API, default: 8 },
    seed: SEED,
  }),

  "Wan-AI/Wan2.2-T2V-A14B": wan("VIDEO; CONTRACT (image_size required)", false),
  "Wan-AI/Wan2.2-I2V-A14B": wan("VIDEO (image required for I2V); CONTRACT", true),
  "Wan-AI/Wan2.1-T2V-14B": wan("SEED; VIDEO (same fields)", false),
  "Wan-AI/Wan2.1-I2V-14B-720P": wan("SEED (I2V sizes by aspect); VIDEO (same fields)", true),

  "FunAudioLLM/CosyVoice2-0.5B": {
    kind: "speech",
    reviewed: MEDIA_REVIEWED,
    source: "SEED (presets, formats, speed, gain, uploaded voices); SPEECH",
    inputMax: 4000,
    customVoices: true,
    ...SPEECH_COMMON,
  },
  "fnlp/MOSS-TTSD-v0.5": {
    kind: "speech",
    reviewed: MEDIA_REVIEWED,
    source: "SPEECH ([S1]/[S2], references for two voices, max_tokens); CONTRACT (two speakers)",
    // The provider takes 128000 characters; the app's cap keeps a request under the proxy's body buffer.
    inputMax: 20_000,
    customVoices: false,
    dialogue: { speakers: 2, clipMaxSeconds: 30, clipMaxBytes: 3 * 1024 * 1024 },
    maxTokens: { min: 1, max: 32_768, default: 2048, integer: true },
    ...SPEECH_COMMON,
  },
};
