// "Export as Markdown" for one conversation: the branch on screen, saved as a .md file.

import { type Conversation, exportConversationMarkdown, getDB, markdownFileName } from "@/lib/db";
import type { Locale } from "@/lib/i18n";
import { ExportError } from "@/lib/share/selection";

export async function downloadConversationMarkdown(conversation: Conversation, locale: Locale): Promise<void> {
  const text = await exportConversationMarkdown(getDB(), conversation.id, { locale });
  if (text === undefined) throw new ExportError("gone");
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = markdownFileName(conversation);
  a.click();
  // The download has its own copy once it starts; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
