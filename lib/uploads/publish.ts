import "server-only";
import type { ChatMessage } from "@/lib/chat/contract";
import { AppError } from "@/lib/errors";
import type { MessageKey, MessageVars } from "@/lib/i18n";
import { sniffImage } from "@/lib/images/sniff";
import type { UploadMediaType, UploadStore } from "./store";

// GLM-4V-Flash reads images from URLs only. For such a model the chat route turns each inline
// image into a short-lived link under PUBLIC_BASE_URL that the provider fetches (app/api/uploads).
// Only what really is a JPEG or PNG within GLM's limits is published: the link serves bytes from
// our own origin, so it must never become a way to host arbitrary content there.

/** GLM's image limits (upstream contract): ≤ 5 MB, ≤ 6000×6000, jpg/png. */
const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
const UPLOAD_MAX_SIDE = 6000;
export const UPLOAD_PATH = "/api/uploads/";

const EXTENSION: Record<UploadMediaType, string> = { "image/jpeg": "jpg", "image/png": "png" };

function uploadUrl(publicBaseUrl: string, token: string, mediaType: UploadMediaType): string {
  return `${publicBaseUrl}${UPLOAD_PATH}${token}.${EXTENSION[mediaType]}`;
}

/** True for a link this server published (the download hook lets exactly these through). */
export function isUploadUrl(url: string, publicBaseUrl: string | undefined): boolean {
  return !!publicBaseUrl && url.startsWith(`${publicBaseUrl}${UPLOAD_PATH}`);
}

/** The token of `/api/uploads/<token>.<ext>` (the extension is optional). */
export function tokenOfName(name: string): string {
  return name.replace(/\.(jpe?g|png)$/i, "");
}

function refused(detail: string, key: MessageKey, vars?: MessageVars): AppError {
  return new AppError("bad_request", { detail: `messages: ${detail}`, key, vars });
}

/** Decodes, checks and stores one data: URL; answers the stored type. */
export function verifyInlineImage(url: string): { bytes: Uint8Array; mediaType: UploadMediaType } {
  const m = /^data:([^;,]*)(;base64)?,/i.exec(url);
  if (!m?.[2]) {
    throw refused("inline image is not base64", "error.uploads.unreadable");
  }
  const base64 = url.slice(m[0].length);
  // 4 base64 characters carry 3 bytes: refuse before decoding anything larger than allowed.
  if (Math.floor((base64.length * 3) / 4) > UPLOAD_MAX_BYTES + 3) throw tooLarge();
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  if (bytes.byteLength > UPLOAD_MAX_BYTES) throw tooLarge();
  const info = sniffImage(bytes);
  if (!info || (info.mime !== "image/jpeg" && info.mime !== "image/png")) {
    throw refused(`inline image is ${info?.mime ?? "not an image"}`, "error.uploads.jpegPng");
  }
  if (info.width > UPLOAD_MAX_SIDE || info.height > UPLOAD_MAX_SIDE) {
    throw refused(`image ${info.width}×${info.height} exceeds ${UPLOAD_MAX_SIDE}`, "error.uploads.tooWide", {
      side: UPLOAD_MAX_SIDE,
    });
  }
  return { bytes, mediaType: info.mime };
}

function tooLarge(): AppError {
  return refused("inline image over 5 MB", "error.uploads.tooLarge");
}

/**
 * The thread with every inline (data:) image replaced by a link the provider can fetch. The same
 * image sent twice in one thread is stored once.
 */
export async function publishInlineImages(
  messages: ChatMessage[],
  options: { publicBaseUrl: string; ttlMs: number; store: UploadStore },
): Promise<ChatMessage[]> {
  const published = new Map<string, Promise<{ url: string; mediaType: UploadMediaType }>>();
  const publish = (dataUrl: string) => {
    let p = published.get(dataUrl);
    if (!p) {
      const image = verifyInlineImage(dataUrl);
      p = options.store.put(image, options.ttlMs).then((token) => ({
        url: uploadUrl(options.publicBaseUrl, token, image.mediaType),
        mediaType: image.mediaType,
      }));
      published.set(dataUrl, p);
    }
    return p;
  };
  return Promise.all(
    messages.map(async (message) => {
      if (!message.parts.some((p) => p.type === "file" && p.url.startsWith("data:"))) return message;
      const parts = await Promise.all(
        message.parts.map(async (part) => {
          if (part.type !== "file" || !part.url.startsWith("data:")) return part;
          const { url, mediaType } = await publish(part.url);
          return { ...part, url, mediaType };
        }),
      );
      return { ...message, parts };
    }),
  );
}
