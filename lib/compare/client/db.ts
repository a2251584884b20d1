import type { ChatModelRef } from "@/lib/chat/contract";
import {
  type ChatSettings,
  type Conversation,
  createConversation,
  getConversationMessages,
  getDB,
  setActiveLeaf,
  siblingLeaf,
  softDeleteConversation,
  uuid,
} from "@/lib/db";

// A comparison is stored as one conversation per column, marked with the comparison's id and the
// column's place. So each column has its own thread, model and settings, streams through the same
// session machinery as a chat, and is kept, searched, exported and imported like any conversation;
// "Continue with this reply" only removes the mark.

export interface CompareColumnRow {
  conversationId: string;
  column: number;
  model: ChatModelRef;
  settings?: ChatSettings;
}

function columnOf(c: Conversation): CompareColumnRow | null {
  if (!c.compareId || !c.model || c.deletedAt) return null;
  const row: CompareColumnRow = {
    conversationId: c.id,
    column: c.compareColumn ?? 0,
    model: { provider: c.model.provider, id: c.model.id },
  };
  if (c.settings) row.settings = c.settings;
  return row;
}

/** The settings one comparison shares: what its composer panel edits (each column may add its own). */
export const SHARED_SETTINGS = ["systemPrompt", "temperature", "maxTokens"] as const;
export type SharedSettings = Pick<ChatSettings, (typeof SHARED_SETTINGS)[number]>;

/** Writes the shared settings into every column, keeping each column's other settings (thinking…). */
export async function setComparisonSettings(compareId: string, shared: SharedSettings): Promise<void> {
  const db = getDB();
  await db.transaction("rw", db.conversations, async () => {
    await db.conversations
      .filter((c) => c.compareId === compareId)
      .modify((c) => {
        const next: ChatSettings = { ...c.settings };
        for (const key of SHARED_SETTINGS) {
          const value = shared[key];
          if (value === undefined || value === "") delete next[key];
          else (next as Record<string, unknown>)[key] = value;
        }
        c.settings = next;
      });
  });
}

/** Starts a comparison: one conversation per model, in column order. */
export async function createComparison(
  models: readonly ChatModelRef[],
  settings?: ChatSettings,
): Promise<{ compareId: string; columns: CompareColumnRow[] }> {
  const db = getDB();
  const compareId = uuid();
  const columns: CompareColumnRow[] = [];
  await db.transaction("rw", db.conversations, async () => {
    for (const [column, model] of models.entries()) {
      const c = await createConversation(db, { model, settings });
      const stored = { ...c, compareId, compareColumn: column };
      await db.conversations.update(c.id, { compareId, compareColumn: column });
      const row = columnOf(stored);
      if (row) columns.push(row);
    }
  });
  return { compareId, columns };
}

/** A comparison's columns in order; empty when there is no such comparison. */
export async function comparisonColumns(compareId: string): Promise<CompareColumnRow[]> {
  const rows = await getDB()
    .conversations.filter((c) => c.compareId === compareId)
    .toArray();
  return rows
    .map(columnOf)
    .filter((c): c is CompareColumnRow => c !== null)
    .sort((a, b) => a.column - b.column);
}

/** Adds a column (an empty thread: it takes part from the next prompt on). */
export async function addComparisonColumn(
  compareId: string,
  model: ChatModelRef,
  column: number,
  settings?: ChatSettings,
): Promise<string> {
  const db = getDB();
  const c = await createConversation(db, { model, settings });
  await db.conversations.update(c.id, { compareId, compareColumn: column });
  return c.id;
}

/** Removes a column from the comparison (it goes like a deleted conversation, with the same purge). */
export async function removeComparisonColumn(conversationId: string): Promise<void> {
  await softDeleteConversation(getDB(), conversationId);
}

/** "Continue with this reply": the column becomes an ordinary conversation. */
export async function releaseComparisonColumn(conversationId: string): Promise<void> {
  await getDB()
    .conversations.where("id")
    .equals(conversationId)
    .modify((c) => {
      delete c.compareId;
      delete c.compareColumn;
    });
}

export interface ComparisonSummary {
  compareId: string;
  title: string;
  updatedAt: number;
  models: ChatModelRef[];
}

/** Earlier comparisons, newest first, for the list on /compare. */
export async function listComparisons(limit = 20): Promise<ComparisonSummary[]> {
  const rows = await getDB()
    .conversations.filter((c) => !!c.compareId && !c.deletedAt)
    .toArray();
  const byId = new Map<string, ComparisonSummary>();
  for (const c of rows.sort((a, b) => (a.compareColumn ?? 0) - (b.compareColumn ?? 0))) {
    const id = c.compareId as string;
    const s = byId.get(id) ?? { compareId: id, title: "", updatedAt: 0, models: [] };
    if (!s.title && c.title) s.title = c.title;
    s.updatedAt = Math.max(s.updatedAt, c.updatedAt);
    if (c.model) s.models.push({ provider: c.model.provider, id: c.model.id });
    byId.set(id, s);
  }
  return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/** The version arrows on a column's reply (regenerate makes versions, as in a chat). */
export async function stepColumnVersion(conversationId: string, messageId: string, delta: number): Promise<void> {
  const db = getDB();
  const leaf = siblingLeaf(await getConversationMessages(db, conversationId), messageId, delta);
  if (leaf) await setActiveLeaf(db, conversationId, leaf);
}

/** Gives a column another model (before the next prompt). */
export async function setColumnModel(conversationId: string, model: ChatModelRef): Promise<void> {
  await getDB().conversations.update(conversationId, { model });
}
