// Browser only: stored images (`attachment:<id>` in a file part) become data: URLs for the request.

import type { ChatMessage } from "@/lib/chat/types";
import { type AppDB, getAttachment, parseAttachmentUrl } from "@/lib/db";
import { blobToDataUrl } from "./prepare";

/** The request thread with every stored image inlined; a missing one is left out. */
export async function inlineAttachments(db: AppDB, messages: ChatMessage[]): Promise<ChatMessage[]> {
  const cache = new Map<string, Promise<string | null>>();
  const load = (id: string) => {
    let p = cache.get(id);
    if (!p) {
      p = getAttachment(db, id).then((row) => (row ? blobToDataUrl(row.blob) : null));
      cache.set(id, p);
    }
    return p;
  };
  return Promise.all(
    messages.map(async (m) => {
      if (!m.parts.some((p) => p.type === "file" && parseAttachmentUrl(p.url))) return m;
      const parts: ChatMessage["parts"] = [];
      for (const part of m.parts) {
        const id = part.type === "file" ? parseAttachmentUrl(part.url) : null;
        if (part.type !== "file" || !id) {
          parts.push(part);
          continue;
        }
        const url = await load(id);
        if (url) parts.push({ ...part, url });
      }
      return { ...m, parts };
    }),
  );
}
