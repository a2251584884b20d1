// The optional start image for image-to-video. It is read in the browser, scaled down to fit the
// chosen output size (the provider does not need more pixels than it renders, and a smaller data
// URI keeps the request well under the route's cap), and sent as a `data:image/...;base64,` URI.

import { AppError } from "@/lib/errors";
import { MAX_IMAGE_DATA_URI } from "../contract";
import { parseSize } from "./choices";

export interface PickedImage {
  blob: Blob;
  width: number;
  height: number;
  /** Where it came from, to show the user ("upload" or a gallery image id). */
  source: "upload" | "gallery";
  name?: string;
}

async function decode(blob: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new AppError("bad_request", {
      detail: `cannot decode ${blob.type || "file"}`,
      key: "error.video.unreadable",
    });
  }
}

/** Reads an uploaded file or stored Blob and measures it. */
export async function pickImage(blob: Blob, source: PickedImage["source"], name?: string): Promise<PickedImage> {
  if (blob.type && !blob.type.startsWith("image/")) {
    throw new AppError("bad_request", { detail: `type ${blob.type}`, key: "error.video.unreadable" });
  }
  const bitmap = await decode(blob);
  const picked: PickedImage = { blob, width: bitmap.width, height: bitmap.height, source };
  bitmap.close();
  if (name) picked.name = name;
  return picked;
}

function blobToDataUri(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new AppError("internal", { detail: "no 2d canvas" });
  // JPEG has no alpha: transparent areas become white rather than black.
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("encode failed"))), "image/jpeg", quality),
  );
}

/** Scales the image to fit inside the output size (never up) and returns the JPEG and its data URI. */
export async function prepareStartImage(
  image: Blob,
  size: string,
  maxDataUri: number = MAX_IMAGE_DATA_URI,
): Promise<{ blob: Blob; dataUri: string; width: number; height: number }> {
  const bitmap = await decode(image);
  try {
    const target = parseSize(size);
    const scale = Math.min(1, target.width / bitmap.width, target.height / bitmap.height);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    for (const quality of [0.92, 0.8, 0.6]) {
      const blob = await encode(bitmap, width, height, quality);
      const dataUri = await blobToDataUri(blob);
      if (dataUri.length <= maxDataUri) return { blob, dataUri, width, height };
    }
    throw new AppError("payload_too_large", { detail: "start image stays too large after compression" });
  } finally {
    bitmap.close();
  }
}
