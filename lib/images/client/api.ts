import { apiJson, jsonRequest } from "@/lib/api-client";
import type { ImageRecord } from "@/lib/db";
import type { GeneratedImage, ImageRequest, ImageResponse } from "../contract";

// Browser side of POST /api/images: send, decode the returned bytes into Blobs.

export function postImages(request: ImageRequest, signal: AbortSignal): Promise<ImageResponse> {
  return apiJson<ImageResponse>("/api/images", jsonRequest(request, signal));
}

/**
 * Base64 to Blob. Not `fetch("data:…")`: the app's CSP (connect-src 'self') refuses data: URLs.
 * `Uint8Array.fromBase64` where the browser has it (native, fast), else atob.
 */
export function toBlob(image: GeneratedImage): Blob {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (native) return new Blob([native(image.data)], { type: image.mime });
  const binary = atob(image.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: image.mime });
}

/**
 * A Blob as a data URI. FileReader in the browser (native, off the main thread's JS); from the bytes
 * where there is none (the unit tests' Node), which is slow for large files.
 */
export async function blobToDataUrl(blob: Blob): Promise<string> {
  if (typeof FileReader !== "undefined") {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error("could not read the image"));
      reader.readAsDataURL(blob);
    });
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

const EXT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

/** A download name a user can recognise later: prompt words, seed, and the right extension. */
export function downloadName(record: Pick<ImageRecord, "prompt" | "seed" | "mime" | "id" | "params">): string {
  const words =
    record.prompt
      .normalize("NFKC")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "image";
  // A batch shares one seed: its images are told apart by their place in the batch.
  const index = record.params?.seedScope === "batch" ? record.params.batchIndex : undefined;
  const place = typeof index === "number" ? `-${index + 1}` : "";
  const tag = record.seed !== undefined ? `seed${record.seed}${place}` : record.id.slice(0, 8);
  return `${words}-${tag}.${EXT[record.mime] ?? "png"}`;
}
