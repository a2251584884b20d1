import type { Price } from "./price";

// The cost of an image batch, a video, a speech clip and a transcription, in the unit each provider
// bills by. Null where the price is unknown or in a unit that does not apply. Pure and browser-safe.

const MEGAPIXEL = 1024 * 1024;

interface ImageBatch {
  count: number;
  /** Needed only for per-megapixel-step prices. */
  width?: number;
  height?: number;
  steps?: number;
}

export function imageBatchCost(price: Price | null, batch: ImageBatch): number | null {
  const count = Math.max(0, Math.floor(batch.count));
  if (!price) return null;
  if (price.unit === "free") return 0;
  if (price.unit === "image") return price.perImage * count;
  if (price.unit === "megapixel-steps") {
    // Seed 003: a 1024x512 image at 4 steps and ¥0.0032/M px/Steps costs 0.5 x 4 x 0.0032 = ¥0.0064.
    if (!batch.width || !batch.height || !batch.steps) return null;
    return ((batch.width * batch.height) / MEGAPIXEL) * batch.steps * price.perMegapixelStep * count;
  }
  return null;
}

export function videoCost(price: Price | null, videos = 1): number | null {
  if (!price) return null;
  if (price.unit === "free") return 0;
  if (price.unit === "video") return price.perVideo * Math.max(0, Math.floor(videos));
  return null;
}

/** UTF-8 bytes of a text, as SiliconFlow counts speech input (seed 003). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function speechCost(price: Price | null, text: string): number | null {
  if (!price) return null;
  if (price.unit === "free") return 0;
  if (price.unit === "utf8-bytes") return (utf8Bytes(text) / 1_000_000) * price.perMillionBytes;
  // Characters as a reader counts them: code points, so an emoji or a rare CJK character is one.
  if (price.unit === "characters") return ([...text].length / 10_000) * price.perTenThousand;
  return null;
}

export function transcriptionCost(price: Price | null, seconds: number): number | null {
  if (!price) return null;
  if (price.unit === "free") return 0;
  if (price.unit === "audio-seconds") return (Math.max(0, seconds) / 60) * price.perMinute;
  return null;
}
