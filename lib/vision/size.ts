import type { ModelInfo } from "@/lib/providers/catalog";

// What an attached image must become before upload. Pure: unit-tested.

const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export const ACCEPT_ATTRIBUTE = ".jpg,.jpeg,.png,.webp,.gif,image/jpeg,image/png,image/webp,image/gif";
/** A file larger than this is refused before it is even decoded. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** The default long side after downscaling. */
const DEFAULT_LONG_SIDE = 2048;

export interface ImageLimits {
  /** Longest side, pixels. */
  longSide: number;
  /** Each side at most this (GLM: 6000). */
  maxSide: number;
  /** Encoded bytes at most (GLM: 5 MB). Kept well under the chat body limit (8 MB, base64 inflates by 4/3). */
  maxBytes: number;
}

export function imageLimits(_model?: Pick<ModelInfo, "provider">): ImageLimits {
  // GLM allows 5 MB and 6000×6000; one image of a thread must also leave room for the others in the
  // 8 MB request body, so every provider gets the same, smaller budget.
  return { longSide: DEFAULT_LONG_SIDE, maxSide: 6000, maxBytes: 1_500_000 };
}

/** The size to draw at: never larger than the source, long side ≤ limits.longSide, aspect kept. */
export function targetSize(width: number, height: number, limits: Pick<ImageLimits, "longSide" | "maxSide">) {
  const cap = Math.min(limits.longSide, limits.maxSide);
  const long = Math.max(width, height);
  if (long <= cap) return { width, height };
  const scale = cap / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The media type to trust: the browser's, or the extension's when the browser gives none. */
export function imageTypeOf(file: { type: string; name: string }): string | null {
  const type = file.type.toLowerCase();
  if ((ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type)) return type;
  if (type) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === "jpg" || ext === "jpeg") return "image/jpeg";
  if (ext === "png" || ext === "webp" || ext === "gif") return `image/${ext}`;
  return null;
}

/** Checks a file before decoding; `already` = images attached so far. */
export function checkFile(file: { type: string; name: string; size: number }, already: number, max: number) {
  if (max > 0 && already >= max) return "count" as const;
  if (!imageTypeOf(file)) return "type" as const;
  if (file.size > MAX_SOURCE_BYTES) return "size" as const;
  return null;
}
