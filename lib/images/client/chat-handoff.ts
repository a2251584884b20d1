import { getAttachment, getAttachmentBlob } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { imagesDb } from "./db";
import type { ImageStore } from "./store";

// "Edit image" on a picture in chat: the chat links to /images?editAttachment=<stored attachment id>
// (a link, so it also opens in a new tab and survives a reload), and the studio, once its models are
// in, makes that picture the reference of an edit model. The bytes never leave this browser's database.

export const EDIT_ATTACHMENT_PARAM = "editAttachment";

export function editImageHref(attachmentId: string): string {
  return `/images?${EDIT_ATTACHMENT_PARAM}=${encodeURIComponent(attachmentId)}`;
}

function modelsSettled(store: ImageStore): Promise<void> {
  const done = () => ["ready", "error"].includes(store.getState().models.status);
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe(() => {
      if (!done()) return;
      stop();
      resolve();
    });
  });
}

/**
 * Takes the chat picture named in `search` (the page's query string) as the edit reference. Resolves
 * with the problem to show, if any; a model-list failure is already shown by the form itself.
 */
export async function takeChatImage(search: string, store: ImageStore): Promise<AppError | null> {
  const id = new URLSearchParams(search).get(EDIT_ATTACHMENT_PARAM);
  if (!id) return null;
  const row = await getAttachment(imagesDb(), id);
  const blob = row && (await getAttachmentBlob(imagesDb(), id));
  if (!row || !blob)
    return new AppError("not_found", {
      detail: `attachment ${id.slice(0, 80)}`,
      key: "images.fromChat.missing",
    });
  await modelsSettled(store);
  if (store.getState().models.status !== "ready") return null;
  const taken = store.getState().editWith({ blob, name: row.name });
  return taken ? null : new AppError("model_not_found", { key: "images.fromChat.noEditModel" });
}
