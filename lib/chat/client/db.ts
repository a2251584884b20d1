// The chat slice's reads and writes of IndexedDB, bound to the app's database, for components: they
// never import lib/db (tests and benches call lib/db with their own AppDB instead). The row types a
// component needs come from here too, re-exported rather than copied, so there is one definition.

import {
  deleteConversation,
  getAttachmentBlob,
  getDB,
  renameConversation,
  restoreConversation,
  setActiveLeaf,
  setPinned,
  siblingLeaf,
  softDeleteConversation,
  updateConversation,
} from "@/lib/db";

import type { Message } from "@/lib/db/schema";

export { parseAttachmentUrl } from "@/lib/db/media";
export type { Conversation, Message } from "@/lib/db/schema";
export type { SearchHit } from "@/lib/db/search";

type ConversationPatch = Parameters<typeof updateConversation>[2];

export const conversationActions = {
  rename: (id: string, title: string) => renameConversation(getDB(), id, title),
  pin: (id: string, pinned: boolean) => setPinned(getDB(), id, pinned),
  update: (id: string, patch: ConversationPatch) => updateConversation(getDB(), id, patch),
  /** The 1/2 switcher: shows the branch through the message `delta` versions away (if there is one). */
  showSibling: async (id: string, all: readonly Message[], messageId: string, delta: number) => {
    const leaf = siblingLeaf(all, messageId, delta);
    if (leaf) await setActiveLeaf(getDB(), id, leaf);
  },
  /** Hidden at once, restorable until `remove` (or startup's purge). */
  softDelete: (id: string) => softDeleteConversation(getDB(), id),
  restore: (id: string) => restoreConversation(getDB(), id),
  /** For good: the conversation, every message and their attachments. */
  remove: (id: string) => deleteConversation(getDB(), id),
};

/** The bytes of a sent image, stored apart from its message (an `attachment:<id>` url). */
export async function loadAttachmentBlob(id: string): Promise<Blob | undefined> {
  return getAttachmentBlob(getDB(), id);
}
