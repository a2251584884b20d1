// Folders and tags of conversations, in IndexedDB. Every function takes the database first (the
// app passes getDB(), tests a fresh AppDB), like lib/db.

import { Dexie } from "dexie";
import { monotonicNow, uuid } from "@/lib/db/ids";
import type { AppDB, Conversation } from "@/lib/db/schema";
import { withQuotaGuard } from "@/lib/db/storage";
import { NO_FOLDER } from "@/lib/db/version-3";
import { AppError } from "@/lib/errors";
import { cleanName, type Folder, NAME_MAX } from "../bounds";
import { normalizeTags } from "../tags";

export { normalizeTags, parseTags } from "../tags";
export { NO_FOLDER };

function badName(): AppError {
  return new AppError("bad_request", {
    key: "error.folders.name",
    vars: { max: NAME_MAX },
  });
}

export async function createFolder(db: AppDB, name: string): Promise<Folder> {
  const now = monotonicNow();
  // The name rule of folderSchema (contract.ts), checked without zod: this file is on the chat page's
  // first load.
  const clean = cleanName(name);
  if (clean === null) throw badName();
  const folder: Folder = { id: uuid(), name: clean, createdAt: now, updatedAt: now };
  await withQuotaGuard(() => db.folders.add(folder));
  return folder;
}

export async function renameFolder(db: AppDB, id: string, name: string): Promise<void> {
  const clean = cleanName(name);
  if (clean === null) throw badName();
  await withQuotaGuard(() => db.folders.update(id, { name: clean, updatedAt: monotonicNow() }));
}

/** Folders by name, in the user's language's order. */
export async function listFolders(db: AppDB, locale = "en"): Promise<Folder[]> {
  const rows = await db.folders.toArray();
  const collator = new Intl.Collator(locale === "zh" ? "zh-CN" : locale, { numeric: true, sensitivity: "base" });
  return rows.sort((a, b) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt);
}

/** Deleting a folder never deletes a conversation: its conversations go back to the main list. */
export async function deleteFolder(db: AppDB, id: string): Promise<number> {
  return withQuotaGuard(() =>
    db.transaction("rw", [db.conversations, db.folders], async () => {
      const live = await db.conversations
        .where("[deletedAt+folderId+pinned+updatedAt]")
        .between([0, id, 0, Dexie.minKey], [0, id, 1, Dexie.maxKey], true, true)
        .modify({ folderId: NO_FOLDER });
      // Soft-deleted ones (still restorable with Undo) come back unfiled too.
      const hidden = await db.conversations
        .where("deletedAt")
        .above(0)
        .filter((c) => c.folderId === id)
        .modify({ folderId: NO_FOLDER });
      await db.folders.delete(id);
      return live + hidden;
    }),
  );
}

/** Moves a conversation into a folder ("" = out of any folder). Moving is not activity. */
export async function moveToFolder(db: AppDB, conversationId: string, folderId: string): Promise<void> {
  await withQuotaGuard(() =>
    db.transaction("rw", [db.conversations, db.folders], async () => {
      if (folderId !== NO_FOLDER && !(await db.folders.get(folderId))) {
        throw new AppError("not_found", {
          key: "error.folders.gone",
        });
      }
      await db.conversations.update(conversationId, { folderId });
    }),
  );
}

/**
 * One folder's live conversations ("" = the unfiled main list): pinned first, then by last activity,
 * read straight off the compound index in reverse, so the cost is the page, not the table.
 */
export function listFolderConversations(db: AppDB, folderId: string, limit = 100): Promise<Conversation[]> {
  return db.conversations
    .where("[deletedAt+folderId+pinned+updatedAt]")
    .between([0, folderId, 0, Dexie.minKey], [0, folderId, 1, Dexie.maxKey], true, true)
    .reverse()
    .limit(limit)
    .toArray();
}

export async function setTags(db: AppDB, conversationId: string, tags: readonly string[]): Promise<void> {
  await withQuotaGuard(() => db.conversations.update(conversationId, { tags: normalizeTags(tags) }));
}

/** Every tag in use, sorted (read from the index keys only). */
export async function listTags(db: AppDB): Promise<string[]> {
  return (await db.conversations.orderBy("tags").uniqueKeys()).map(String);
}

/** Live conversations with a tag, pinned first then newest. */
export async function listTagged(db: AppDB, tag: string, limit = 500): Promise<Conversation[]> {
  const rows = await db.conversations
    .where("tags")
    .equals(tag)
    .filter((c) => c.deletedAt === 0)
    .limit(limit)
    .toArray();
  return rows.sort((a, b) => b.pinned - a.pinned || b.updatedAt - a.updatedAt);
}
