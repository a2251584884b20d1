import {
  type Conversation,
  getAttachmentBlob,
  getConversation,
  getConversationMessages,
  getDB,
  getThread,
  type Message,
  markdownFileName,
  parseAttachmentUrl,
} from "@/lib/db";
import { pickMessages } from "@/lib/share/selection";

export type { Conversation };

/** The file name: the conversation's title, as "Export as Markdown" names its file. */
export function htmlFileName(conversation: Conversation): string {
  return `${markdownFileName(conversation).replace(/\.md$/i, "")}.html`;
}

// What "Export as HTML" (and as image) reads from IndexedDB: the branch on screen, or the messages of it
// selected, and the bytes of their images, as data: URLs (the file must open offline, so nothing stays
// a reference).

interface ExportThread {
  conversation: Conversation;
  messages: Message[];
  /** A file part's url → an embeddable data: URL (stored attachments read, inline ones kept). */
  images: Map<string, string>;
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable image"));
    reader.readAsDataURL(blob);
  });
}

export async function readExportThread(
  conversationId: string,
  only?: ReadonlySet<string>,
): Promise<ExportThread | undefined> {
  const db = getDB();
  const conversation = await getConversation(db, conversationId);
  if (!conversation) return undefined;
  const thread = getThread(await getConversationMessages(db, conversationId), conversation.activeLeafId);
  const messages = pickMessages(thread, only);
  const images = new Map<string, string>();
  for (const message of messages) {
    for (const part of message.parts) {
      if (part.type !== "file" || typeof part.url !== "string") continue;
      const id = parseAttachmentUrl(part.url);
      if (id) {
        const blob = await getAttachmentBlob(db, id);
        if (blob) images.set(part.url, await blobToDataUrl(blob));
      } else if (part.url.startsWith("data:")) images.set(part.url, part.url);
    }
  }
  return { conversation, messages, images };
}
