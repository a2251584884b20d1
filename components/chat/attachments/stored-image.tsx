"use client";

import { useEffect, useState } from "react";
import { getAttachment, getDB, parseAttachmentUrl } from "@/lib/db";

/** An image of a sent message: a stored attachment (as an object URL, revoked when gone) or a plain URL. */
export function StoredImage({ url, name, className }: { url: string; name: string; className?: string }) {
  const id = parseAttachmentUrl(url);
  const [src, setSrc] = useState<string | null>(id ? null : url);
  useEffect(() => {
    if (!id) {
      setSrc(url);
      return;
    }
    let objectUrl: string | null = null;
    let live = true;
    void getAttachment(getDB(), id).then((row) => {
      if (!live || !row) return;
      objectUrl = URL.createObjectURL(row.blob);
      setSrc(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id, url]);
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
