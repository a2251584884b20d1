import { sniffImage } from "@/lib/images/sniff";

// An assistant's small picture, kept in its row as a data: URL (shown in the list and in the chat's
// badge, carried by backups). The browser re-encodes what the user picks to a small square, so a
// stored or imported value larger than that is refused: a backup cannot smuggle in a big file.

/** The side of the square the browser makes. */
export const ASSISTANT_IMAGE_SIDE = 96;
/** Base64 text of at most this many characters (about 48 KB of image). */
export const ASSISTANT_IMAGE_MAX_CHARS = 64_000;
export const ASSISTANT_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

const PREFIX = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

function decode(base64: string): Uint8Array | null {
  try {
    const bin = atob(base64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/**
 * Why a data: URL is not an acceptable assistant image, or null when it is: a PNG, JPEG or WebP
 * (checked from its bytes, not its label) no larger than the square the browser makes.
 */
export function assistantImageProblem(value: string): string | null {
  if (value.length > ASSISTANT_IMAGE_MAX_CHARS) return "too large";
  const m = PREFIX.exec(value);
  if (!m) return "not a base64 PNG, JPEG or WebP data: URL";
  const bytes = decode(m[2] ?? "");
  const info = bytes && sniffImage(bytes);
  if (!info) return "not an image";
  if (info.mime !== m[1]) return "the bytes are not the type the URL names";
  if (info.width > ASSISTANT_IMAGE_SIDE || info.height > ASSISTANT_IMAGE_SIDE) return "larger than 96×96";
  return null;
}
