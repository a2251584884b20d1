"use client";

import { SafeImage } from "@/components/chat/markdown/inline";
import { parseAttachmentUrl } from "@/lib/chat/client/db";
import { useAttachmentUrl } from "@/lib/chat/client/hooks";

// Raster images only: an SVG (or anything else) in a data: URL is not shown.
const INLINE_IMAGE = /^data:image\/(png|jpeg|webp|gif);base64,/i;

/**
 * An image of a sent message: a stored attachment (as an object URL, revoked when gone), an
 * inline raster image, or a remote URL (from an imported backup), which like a remote image in a
 * reply loads only when the user asks.
 */
export function StoredImage({ url, name, className }: { url: string; name: string; className?: string }) {
  const id = parseAttachmentUrl(url);
  const src = useAttachmentUrl(id);
  if (!id) {
    if (INLINE_IMAGE.test(url)) {
      // biome-ignore lint/performance/noImgElement: the user's own inline image, not optimisable
      return <img data-testid="message-image" src={url} alt={name} className={className} />;
    }
    return <SafeImage src={url} alt={name} />;
  }
  if (!src)
    return (
      <span
        data-testid="message-image"
        className={`inline-block size-24 animate-pulse bg-zinc-100 dark:bg-zinc-800 ${className ?? ""}`}
      />
    );
  // biome-ignore lint/performance/noImgElement: the user's own stored image, not optimisable
  return <img data-testid="message-image" src={src} alt={name} className={className} />;
}
