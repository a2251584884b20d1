import type { PlaygroundSettings } from "@/lib/chat/playground/settings";
// Conversations: the sidebar list, titles, pins, soft delete with undo, purge.

import { Dexie } from "dexie";
import { monotonicNow, uuid } from "./ids";
import { deleteAttachments } from "./media";
import { type AppDB, type ChatSettings, type Conversation, EMPTY_USAGE, type ModelRef, type Usage } from "./schema";
import { withQuotaGuard } from "./storage";
import { tokenize } from "./tokenize";

export interface NewConversation {
  id?: string;
  title?: string;
  model?: ModelRef;
  settings?: ChatSettings;
  pinned?: boolean;
  playground?: PlaygroundSettings;
  /** The assistant this chat starts from (a copy: editing the assistant later leaves it as is). */
  assistant?: Conversation["assistant"];
  folderId?: string;
}

export async function createConversation(db: AppDB, init: NewConversation = {}): Promise<Conversation> {
  const now = monotonicNow();
  const title = init.title?.trim() ?? "";
  const conversation: Conversation = {
    id: init.id ?? uuid(),
    title,
    titleSource: title ? "user" : "auto",
    pinned: init.pinned ? 1 : 0,
    createdAt: now,
    updatedAt: now,
    deletedAt: 0,
    usage: { ...EMPTY_USAGE },
    words: tokenize(title),
  };
  if (init.model) conversation.model = init.model;
  if (init.settings) conversation.settings = init.settings;
  if (init.playground) conversation.playground = init.playground;
  if (init.assistant) conversation.assistant = init.assistant;
  if (init.folderId) conversation.folderId = init.folderId;
  await withQuotaGuard(() => db.conversations.add(conversation));
  return conversation;
}

export function getConversation(db: AppDB, id: string): Promise<Conversation | undefined> {
  return db.conversations.get(id);
}

/** The live rows of [deletedAt+pinned+updatedAt]: deletedAt 0, pinned 0 or 1, any time. */
function liveRange(db: AppDB) {
  return db.conversations
    .where("[deletedAt+pinned+updatedAt]")
    .between([0, 0, Dexie.minKey], [0, 1, Dexie.maxKey], true, true);
}

export interface ListOptions {
  limit?: number;
  /** Rows to skip (Dexie walks a cursor past them: fine for a few pages, prefer `after` deeper). */
  offset?: number;
  /** The last row of the previous page: the next page starts right after it (keyset paging). */
  after?: Pick<Conversation, "id" | "pinned" | "updatedAt">;
}

/** Rows sharing the `after` row's sort key that a reverse walk may return before it (same-ms ties). */
const TIE_SLACK = 20;

/**
 * The sidebar: pinned first, then most recent activity, soft-deleted rows left out. Read straight
 * off the compound index in reverse (getAll with a limit), so the cost is the page, not the table.
 */
export async function listConversations(
  db: AppDB,
  { limit = 100, offset = 0, after }: ListOptions = {},
): Promise<Conversation[]> {
  if (after) {
    const rows = await db.conversations
      .where("[deletedAt+pinned+updatedAt]")
      .between([0, 0, Dexie.minKey], [0, after.pinned, after.updatedAt], true, true)
      .reverse()
      .limit(limit + TIE_SLACK)
      .toArray();
    // Equal keys come in descending id order: those with ids ≥ `after.id` were on earlier pages.
    const seen = (c: Conversation) => c.pinned === after.pinned && c.updatedAt === after.updatedAt && c.id >= after.id;
    return rows.filter((c) => !seen(c)).slice(0, limit);
  }
  let c = liveRange(db).reverse();
  if (offset > 0) c = c.offset(offset);
  return c.limit(limit).toArray();
}

export function countConversations(db: AppDB): Promise<number> {
  return liveRange(db).count();
}

export async function renameConversation(db: AppDB, id: string, title: string): Promise<void> {
  const clean = title.trim();
  // An empty name hands the title back to the automatic one (the UI shows "New chat" meanwhile).
  await withQuotaGuard(() =>
    db.conversations.update(id, { title: clean, titleSource: clean ? "user" : "auto", words: tokenize(clean) }),
  );
}

/** Pinning does not count as activity: the row moves to the pinned group, not to the top by time. */
export async function setPinned(db: AppDB, id: string, pinned: boolean): Promise<void> {
  await withQuotaGuard(() => db.conversations.update(id, { pinned: pinned ? 1 : 0 }));
}

export async function updateConversation(
  db: AppDB,
  id: string,
  patch: { model?: ModelRef; settings?: ChatSettings; playground?: PlaygroundSettings },
): Promise<void> {
  await withQuotaGuard(() => db.conversations.update(id, patch));
}

export async function setActiveLeaf(db: AppDB, conversationId: string, leafId: string): Promise<void> {
  await withQuotaGuard(() => db.conversations.update(conversationId, { activeLeafId: leafId }));
}

export async function updateConversationUsage(db: AppDB, conversationId: string, usage: Partial<Usage>): Promise<void> {
  await withQuotaGuard(() =>
    db.conversations
      .where("id")
      .equals(conversationId)
      .modify((c) => {
        c.usage = addUsage(c.usage, usage);
      }),
  );
}

export function addUsage(a: Usage | undefined, b: Partial<Usage> | undefined): Usage {
  return {
    input: (a?.input ?? 0) + (b?.input ?? 0),
    output: (a?.output ?? 0) + (b?.output ?? 0),
    reasoning: (a?.reasoning ?? 0) + (b?.reasoning ?? 0),
    // Cached prompt tokens are billed apart (lib/cost/chat-cost.ts): kept only once a provider reports some.
    ...((a?.cached ?? 0) + (b?.cached ?? 0) > 0 ? { cached: (a?.cached ?? 0) + (b?.cached ?? 0) } : {}),
  };
}

export interface UndoToken {
  id: string;
  deletedAt: number;
}

/** Hides a conversation at once; its messages and attachments stay until purge, so undo is exact. */
export async function softDeleteConversation(db: AppDB, id: string): Promise<UndoToken> {
  const deletedAt = monotonicNow();
  await withQuotaGuard(() => db.conversations.update(id, { deletedAt }));
  return { id, deletedAt };
}

export async function restoreConversation(db: AppDB, token: UndoToken | string): Promise<boolean> {
  const id = typeof token === "string" ? token : token.id;
  const n = await withQuotaGuard(() => db.conversations.update(id, { deletedAt: 0 }));
  return n > 0;
}

/** Hard delete: the conversation, all its messages (every branch), their attachments and their bytes. */
export async function deleteConversation(db: AppDB, id: string): Promise<void> {
  await db.transaction("rw", [db.conversations, db.messages, db.attachments, db.mediaBlobs], async () => {
    await db.messages
      .where("[conversationId+createdAt]")
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
      .delete();
    const attachments = await db.attachments.where("conversationId").equals(id).primaryKeys();
    await deleteAttachments(db, attachments as string[]);
    await db.conversations.delete(id);
  });
}

/** Hard-deletes conversations soft-deleted more than `olderThanMs` ago; returns how many. */
export async function purgeDeleted(db: AppDB, olderThanMs: number): Promise<number> {
  // Same clock as softDeleteConversation: monotonicNow() can run a few ms ahead of Date.now().
  const cutoff = monotonicNow() - olderThanMs;
  const ids = await db.conversations.where("deletedAt").between(1, cutoff, true, true).primaryKeys();
  for (const id of ids) await deleteConversation(db, id);
  return ids.length;
}

// ---- automatic titles ----

const TITLE_WIDTH = 40;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function cleanMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/(\*\*|\*|~~)(\S[\s\S]*?\S|\S)\1/g, "$2");
}

/**
 * A sidebar title from the first exchange: the first line and first sentence of the question
 * (or of the answer when the question has no text, e.g. only an image), at most 40 columns with
 * CJK counted as two, cut at a word boundary for spaced scripts.
 */
export function autoTitle(firstUserText: string, firstAnswerText = ""): string {
  const source = cleanMarkdown(firstUserText).trim() ? firstUserText : firstAnswerText;
  const line =
    cleanMarkdown(source)
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, " ").trim())
      .find((l) => l.length > 0) ?? "";
  // A sentence ends at CJK punctuation at once, at Latin punctuation only before a space ("v3.5" stays).
  const sentence = (line.split(/(?<=[。！？；])|(?<=[.!?;])\s/u)[0] ?? line).trim();
  const bare = sentence.replace(/[\s。！？；.!?;:：，,、]+$/u, "") || sentence;
  const chars = Array.from(bare);
  const widths = chars.map((ch) => (WIDE.test(ch) ? 2 : 1));
  if (widths.reduce((a, b) => a + b, 0) <= TITLE_WIDTH) return bare;
  let width = 1; // the ellipsis
  let cut = 0;
  while (cut < chars.length && width + (widths[cut] ?? 1) <= TITLE_WIDTH) width += widths[cut++] ?? 1;
  let head = chars.slice(0, cut).join("");
  // Cut inside a word only when there is no space in the second half to cut at instead.
  const space = head.lastIndexOf(" ");
  if (!/\s/.test(chars[cut] ?? " ") && space > head.length / 2) head = head.slice(0, space);
  return `${head.replace(/[\s,，、:：;；-]+$/u, "")}…`;
}
