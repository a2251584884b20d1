// Browser only: stored images (`attachment:<id>` in a file part) become data: URLs for the request,
// within the request's size budget (lib/vision/budget.ts): older images may go smaller or be left out.

import type { ChatMessage } from "@/lib/chat/contract";
import { type AppDB, getAttachmentWithBlob, type LoadedAttachment, parseAttachmentUrl } from "@/lib/db";
import {
  type BudgetImage,
  OMITTED_IMAGE_TEXT,
  planImageBudget,
  REDUCED_LONG_SIDE,
  REDUCED_MAX_BYTES,
  REQUEST_BUDGET_BYTES,
} from "./budget";
import { useBudgetNotices } from "./budget-notices";
import { blobToDataUrl, prepareImage } from "./prepare";

// Re-encoding an image costs a decode and an encode; a long chat would pay it on every turn.
const reducedCache = new Map<string, Promise<string>>();
const REDUCED_CACHE_MAX = 64;

function reducedDataUrl(row: LoadedAttachment): Promise<string> {
  let p = reducedCache.get(row.id);
  if (!p) {
    const limits = { longSide: REDUCED_LONG_SIDE, maxSide: REDUCED_LONG_SIDE, maxBytes: REDUCED_MAX_BYTES };
    p = prepareImage(row.blob, limits).then((out) => blobToDataUrl(out.blob));
    // A failed encode is not remembered: the next turn tries again.
    p.catch(() => reducedCache.delete(row.id));
    reducedCache.set(row.id, p);
    if (reducedCache.size > REDUCED_CACHE_MAX) reducedCache.delete(reducedCache.keys().next().value as string);
  }
  return p;
}

interface Slot {
  message: number;
  part: number;
  row: LoadedAttachment;
}

/**
 * The request thread with every stored image inlined; a missing one is left out. When the whole
 * thread would not fit the request, older images are re-sent smaller or replaced by a short text
 * part, and the conversation's budget notice says how many.
 */
export async function inlineAttachments(db: AppDB, messages: ChatMessage[]): Promise<ChatMessage[]> {
  const hasRefs = (m: ChatMessage) => m.parts.some((p) => p.type === "file" && parseAttachmentUrl(p.url));
  if (!messages.some(hasRefs)) return messages;
  const rows = new Map<string, Promise<LoadedAttachment | undefined>>();
  const slots: (Slot | null)[][] = await Promise.all(
    messages.map((m, message) =>
      Promise.all(
        m.parts.map(async (part, index) => {
          const id = part.type === "file" ? parseAttachmentUrl(part.url) : null;
          if (!id) return null;
          let row = rows.get(id);
          if (!row) {
            row = getAttachmentWithBlob(db, id);
            rows.set(id, row);
          }
          const found = await row;
          return found ? { message, part: index, row: found } : null;
        }),
      ),
    ),
  );
  const found = slots.flat().filter((s): s is Slot => s !== null);

  const newestUser = messages.findLastIndex((m) => m.role === "user");
  const images: BudgetImage[] = found.map((s) => ({ bytes: s.row.blob.size, newest: s.message === newestUser }));
  // The thread as text: attachment:<id> references are short, so this is everything but the images.
  const textBytes = new TextEncoder().encode(JSON.stringify(messages)).byteLength;
  const plan = planImageBudget(images, REQUEST_BUDGET_BYTES - textBytes);

  let omitted = plan.omitted;
  let reduced = plan.reduced;
  const replacement = new Map<Slot, ChatMessage["parts"][number]>();
  await Promise.all(
    found.map(async (slot, i) => {
      const part = messages[slot.message]?.parts[slot.part];
      if (part?.type !== "file") return;
      const action = plan.actions[i];
      if (action === "full") {
        replacement.set(slot, { ...part, url: await blobToDataUrl(slot.row.blob) });
        return;
      }
      if (action === "reduced") {
        try {
          replacement.set(slot, { ...part, mediaType: "image/jpeg", url: await reducedDataUrl(slot.row) });
          return;
        } catch (err) {
          // An image that cannot be re-encoded is left out rather than failing the whole request.
          console.error("[vision] could not re-encode an earlier image", err);
          reduced--;
          omitted++;
        }
      }
      replacement.set(slot, { type: "text", text: OMITTED_IMAGE_TEXT });
    }),
  );
  const conversationId = found[0]?.row.conversationId;
  if (conversationId) useBudgetNotices.getState().report(conversationId, { reduced, omitted });

  return messages.map((m, mi) => {
    if (!hasRefs(m)) return m;
    const parts: ChatMessage["parts"] = [];
    m.parts.forEach((part, pi) => {
      const slot = slots[mi]?.[pi];
      // A stored image whose row is gone (deleted elsewhere) is left out, as before.
      if (part.type === "file" && parseAttachmentUrl(part.url)) {
        const next = slot && replacement.get(slot);
        if (next) parts.push(next);
      } else {
        parts.push(part);
      }
    });
    return { ...m, parts };
  });
}
