// Data the command palette reads: conversations through the existing search index (or the most
// recent ones when nothing is typed), and the model switch, without the palette touching lib/db.

import { getDB, listConversations, searchConversations, updateConversation } from "@/lib/db";
import type { ModelRef } from "@/lib/db/schema";

export interface PaletteConversation {
  id: string;
  title: string;
}

export async function findConversations(query: string, limit = 8): Promise<PaletteConversation[]> {
  const db = getDB();
  const rows = query.trim()
    ? (await searchConversations(db, query.trim(), { limit })).map((h) => h.conversation)
    : await listConversations(db, { limit });
  return rows.map((c) => ({ id: c.id, title: c.title }));
}

/** The model of an open conversation; settings are fitted to it when the next message is sent. */
export function setConversationModel(conversationId: string, model: ModelRef): Promise<void> {
  return updateConversation(getDB(), conversationId, { model });
}
