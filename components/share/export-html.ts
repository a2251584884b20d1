// "Export as HTML" for one conversation: the branch on screen, saved as one self-contained .html file
// (components/share/export-document.ts says what "self-contained and safe" means).

import { cachedTokens, highlight, normalizeLang } from "@/components/chat/markdown/highlight";
import { reasoningBlocks } from "@/lib/chat/client/reasoning";
import { htmlLang, type Locale, translator } from "@/lib/i18n";
import { sourcesOf } from "@/lib/search/sources";
import { type Conversation, htmlFileName, readExportThread } from "@/lib/share/client/export";
import { ExportError } from "@/lib/share/selection";
import { codeBlocksOf, conversationHtml, type ExportMessage } from "./export-document";

/**
 * Builds the file of the branch on screen, or of the messages of it in `only` (in thread order);
 * undefined when the conversation is gone.
 */
export async function buildConversationHtml(
  conversationId: string,
  locale: Locale,
  only?: ReadonlySet<string>,
): Promise<string | undefined> {
  const data = await readExportThread(conversationId, only);
  if (!data) return undefined;
  if (only && data.messages.length === 0) throw new ExportError("empty");
  const t = translator(locale);
  const messages: ExportMessage[] = data.messages.map((m) => {
    const text =
      m.text ||
      m.parts
        .filter((p) => p.type === "text")
        .map((p) => (typeof p.text === "string" ? p.text : ""))
        .join("");
    const images: { url: string; name: string }[] = [];
    for (const p of m.parts) {
      if (p.type !== "file" || typeof p.url !== "string") continue;
      const url = data.images.get(p.url);
      if (url) images.push({ url, name: typeof p.filename === "string" ? p.filename : "" });
    }
    return {
      role: m.role,
      text,
      reasoning: m.role === "assistant" ? reasoningBlocks(m.parts) : [],
      sources: sourcesOf(m.parts),
      images,
      model: m.role === "assistant" ? m.model?.id : undefined,
    };
  });
  // Code is highlighted by the chat's own highlighter (a worker) before the file is written.
  await Promise.all(messages.flatMap((m) => codeBlocksOf(m.text).map((b) => highlight(b.code, normalizeLang(b.lang)))));
  return conversationHtml({
    title: data.conversation.title || t("chat.untitled"),
    lang: htmlLang[locale],
    messages,
    strings: {
      you: t("export.you"),
      assistant: t("export.assistant"),
      reasoning: t("export.reasoning"),
      sources: t("search.sources"),
      footer: t("export.footer", { date: new Date().toISOString().slice(0, 10) }),
      imageOmitted: t("export.imageOmitted"),
    },
    tokens: (code, lang) => cachedTokens(code, normalizeLang(lang)),
  });
}

export async function downloadConversationHtml(conversation: Conversation, locale: Locale): Promise<void> {
  const html = await buildConversationHtml(conversation.id, locale);
  if (html === undefined) throw new ExportError("gone");
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = htmlFileName(conversation);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
