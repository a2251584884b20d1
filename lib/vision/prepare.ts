// Browser only: decode (EXIF orientation applied, a GIF's first frame), downscale and re-encode an
// attached image so it fits the model's limits before it is stored or uploaded.

import { type ImageLimits, targetSize } from "./size";

interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
  /** Before downscaling. */
  sourceWidth: number;
  sourceHeight: number;
}

export class CorruptImageError extends Error {
  constructor(cause?: unknown) {
    super("The image could not be decoded", { cause });
    this.name = "CorruptImageError";
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch (err) {
    throw new CorruptImageError(err);
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas =
    typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(width, height) : document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error("2D canvas is not available");
  // JPEG has no alpha: transparent areas become white, not black.
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  if ("convertToBlob" in canvas) return canvas.convertToBlob({ type: "image/jpeg", quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob failed"))), "image/jpeg", quality),
  );
}

/** Decodes and re-encodes as JPEG within `limits`, lowering quality then size until it fits. */
export async function prepareImage(file: Blob, limits: ImageLimits): Promise<PreparedImage> {
  const bitmap = await decode(file);
  try {
    const sourceWidth = bitmap.width;
    const sourceHeight = bitmap.height;
    if (!sourceWidth || !sourceHeight) throw new CorruptImageError();
    let { width, height } = targetSize(sourceWidth, sourceHeight, limits);
    let quality = 0.9;
    for (let attempt = 0; attempt < 8; attempt++) {
      const blob = await encode(bitmap, width, height, quality);
      if (blob.size <= limits.maxBytes) return { blob, width, height, sourceWidth, sourceHeight };
      if (quality > 0.6) quality -= 0.15;
      else {
        width = Math.max(1, Math.round(width * 0.75));
        height = Math.max(1, Math.round(height * 0.75));
      }
    }
    throw new CorruptImageError(new Error("could not be made small enough"));
  } finally {
    bitmap.close();
  }
}

/** A Blob as a data: URL (what the chat route forwards as image_url). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(blob);
  });
}
