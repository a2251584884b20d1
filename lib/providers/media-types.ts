// What each image, video and speech model takes: the fields, their ranges and their defaults. One
// spec per model (media-siliconflow.ts, media-glm.ts), read by the form (to offer only those fields),
// by the pure request builders (to send only those fields) and by the server (to refuse anything
// else before a paid call). No imports: the browser bundle reads these types too.

export interface NumberRange {
  min: number;
  max: number;
  default: number;
  /** Whole numbers only. */
  integer?: boolean;
}

export interface Choice<T extends string | number> {
  options: readonly T[];
  default: T;
}

export interface SizeRule {
  /** The sizes offered as `WxH`, the default first. */
  options: readonly string[];
  /** Any `WxH` inside these bounds is accepted as well (CogView's custom sizes). */
  custom?: { min: number; max: number; multipleOf: number; maxPixels: number };
  /** The provider refuses a request without a size (Wan2.2: `image_size` required). */
  required?: boolean;
}

export interface ImageSpec {
  kind: "image";
  promptMax: number;
  /** Absent: the model takes no size at all (the edit models follow their input image). */
  sizes?: SizeRule;
  /** Images per request (`batch_size`, Kolors only). Absent: one image, and no field is sent. */
  batch?: NumberRange;
  steps?: NumberRange;
  /** Prompt guidance and the provider's name for it (`guidance_scale` on Kolors, `cfg` on Qwen-Image). */
  guidance?: NumberRange & { field: "guidance_scale" | "cfg" };
  seed?: NumberRange;
  negativePrompt?: boolean;
  /** CogView-4-250304's `quality` (standard | hd). */
  quality?: Choice<string>;
  /** Reference images (`image`, `image2`, `image3`): min 1 marks an edit model. Absent: none taken. */
  references?: { min: number; max: number };
  /** The model does markedly better with English prompts: the prompt helper translates for it. */
  englishPrompt?: boolean;
}

export interface VideoSpec {
  kind: "video";
  promptMax: number;
  /** False where an image alone may carry the request (CogVideoX: prompt or image_url or both). */
  promptRequired: boolean;
  sizes: SizeRule;
  negativePrompt?: boolean;
  seed?: NumberRange;
  /**
   * Input frames: min 1 marks an image-to-video model; max 2 means first and last frame (CogVideoX-3).
   * `mimes` and `maxBytes` are the provider's limits for each image.
   */
  frames?: { min: number; max: number; mimes: readonly string[]; maxBytes: number };
  /** CogVideoX `quality`: speed | quality. */
  quality?: Choice<string>;
  /** First and last frame work only with this quality (CogVideoX-3: "speed"). */
  twoFramesQuality?: string;
  /** CogVideoX `with_audio`. */
  audio?: boolean;
  fps?: Choice<number>;
  /** Seconds. */
  duration?: Choice<number>;
  englishPrompt?: boolean;
}

export interface SpeechSpec {
  kind: "speech";
  /** Characters one request may carry (the app's cap where the provider allows more). */
  inputMax: number;
  /** Preset voice names, sent as `<model>:<name>`. */
  presets: readonly string[];
  /** Takes uploaded `speech:` voices. */
  customVoices: boolean;
  /**
   * Two-speaker dialogue (MOSS-TTSD): `[S1]`/`[S2]` turns, and one reference clip per speaker sent in
   * `references` (the provider's `voice` holds a single timbre only).
   */
  dialogue?: { speakers: 2; clipMaxSeconds: number; clipMaxBytes: number };
  /** MOSS-TTSD's `max_tokens` (audio tokens; input and output together stay under 32k). */
  maxTokens?: NumberRange;
  speed: NumberRange;
  gain: NumberRange;
}

export type MediaSpec = ImageSpec | VideoSpec | SpeechSpec;

/** A spec row in a provider's table, with where its figures come from. */
export type MediaRow = MediaSpec & { reviewed: string; source: string };
