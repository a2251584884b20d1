// Version 3: folders, tags and assistants on conversations; the folders, assistants and prompts
// tables (issue 24). Kept apart from schema.ts so each version's stores and upgrade read alone.

import type { Transaction } from "dexie";

/** `folderId` of a conversation in no folder (IndexedDB cannot index a missing value). */
export const NO_FOLDER = "";

export const V3_STORES = {
  conversations:
    "id, [deletedAt+pinned+updatedAt], updatedAt, deletedAt, *words, [deletedAt+folderId+pinned+updatedAt], *tags",
  messages: "id, [conversationId+createdAt], parentId, status, *words",
  images: "id, createdAt, batchId",
  videos: "id, requestId, status, createdAt",
  speech: "id, createdAt",
  attachments: "id, messageId, conversationId",
  folders: "id, createdAt",
  assistants: "id, updatedAt",
  prompts: "id, updatedAt",
} as const;

/** v2 → v3: every conversation starts in no folder, so it is in the new unfiled index. */
export async function upgradeV2ToV3(tx: Transaction): Promise<void> {
  await tx
    .table("conversations")
    .toCollection()
    .modify((c: { folderId?: unknown }) => {
      if (typeof c.folderId !== "string") c.folderId = NO_FOLDER;
    });
}
