// One conversation (the branch on screen) as Markdown, for "Export as Markdown".

import { reasoningBlocks } from "@/lib/chat/client/reasoning";
import { errorText } from "@/lib/errors";
import { type MessageKey, translator } from "@/lib/i18n";
import { getConversationMessages } from "./messages";
import type { AppDB, Attachment, Conversation, Message, MessagePart } from "./schema";
import { getThread } from "./tree";

export interface MarkdownOptions {
  locale?: "en" | "zh";
  /** Stored attachments of the conversation, listed under the message they belong to. */
  attachments?: readonly Attachment[];
}

/** A message's status as the file notes it (a complete one gets no note). */
const STATUS_KEY = {
  stopped: "markdown.export.status.stopped",
  interrupted: "markdown.export.status.interrupted",
  failed: "markdown.export.status.failed",
  streaming: "markdown.export.status.streaming",
} as const satisfies Record<Exclude<Message["status"], "complete">, MessageKey>;

function partText(part: MessagePart): string {
  return typeof part.text === "string" ? part.text : "";
}

function answerText(m: Message): string {
  if (m.text) return m.text;
  return m.parts
    .filter((p) => p.type === "text")
    .map(partText)
    .join("");
}

/** Names of files carried in the message parts (AI SDK file parts). */
function fileNotes(m: Message): string[] {
  return m.parts
    .filter((p) => p.type === "file")
    .map((p) => {
      const name = typeof p.filename === "string" && p.filename ? p.filename : "file";
      return typeof p.mediaType === "string" ? `${name} (${p.mediaType})` : name;
    });
}

export function conversationToMarkdown(
  conversation: Conversation,
  thread: readonly Message[],
  options: MarkdownOptions = {},
): string {
  const t = translator(options.locale ?? "en");
  const out: string[] = [`# ${conversation.title.trim() || t("markdown.export.untitled")}`];
  if (conversation.model) out.push(`_${t("markdown.export.model")}: ${conversation.model.id}_`);
  const byMessage = new Map<string, Attachment[]>();
  for (const a of options.attachments ?? []) {
    const list = byMessage.get(a.messageId);
    if (list) list.push(a);
    else byMessage.set(a.messageId, [a]);
  }

  for (const m of thread) {
    const who =
      m.role === "user"
        ? t("markdown.export.you")
        : m.role === "system"
          ? t("markdown.export.system")
          : m.model
            ? t("markdown.export.assistantModel", { model: m.model.id })
            : t("markdown.export.assistant");
    out.push(`**${who}**`);
    // A continued reply thought once per request: its blocks stay apart.
    const reasoning = reasoningBlocks(m.parts)
      .map((block) => block.trim())
      .join("\n\n")
      .trim();
    if (reasoning) {
      out.push(`<details>\n<summary>${t("markdown.export.reasoning")}</summary>\n\n${reasoning}\n\n</details>`);
    }
    const text = answerText(m).trim();
    if (text) out.push(text);
    const files = [...fileNotes(m), ...(byMessage.get(m.id) ?? []).map((a) => `${a.name} (${a.mime})`)];
    const unique = [...new Set(files)];
    if (unique.length) out.push(unique.map((f) => `_${t("markdown.export.attachment")}: ${f}_`).join("  \n"));
    if (m.status !== "complete") {
      const note = t(STATUS_KEY[m.status]);
      const error = m.error ? `: ${errorText(m.error, options.locale ?? "en")}` : "";
      out.push(`_(${note}${error})_`);
    }
  }
  return `${out.join("\n\n")}\n`;
}

/** A file name for the download: the title without characters file systems reject. */
export function markdownFileName(conversation: Conversation): string {
  const base = conversation.title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 60);
  return `${base || "conversation"}.md`;
}

/** The branch on screen of one conversation as Markdown, with its attachments noted. */
export async function exportConversationMarkdown(
  db: AppDB,
  conversationId: string,
  options: Omit<MarkdownOptions, "attachments"> = {},
): Promise<string | undefined> {
  const conversation = await db.conversations.get(conversationId);
  if (!conversation) return undefined;
  const messages = await getConversationMessages(db, conversationId);
  const attachments = await db.attachments.where("conversationId").equals(conversationId).toArray();
  return conversationToMarkdown(conversation, getThread(messages, conversation.activeLeafId), {
    ...options,
    attachments,
  });
}
