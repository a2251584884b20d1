// "Export as image": the conversation (the branch on screen, or the messages of it selected) as one
// tall PNG. The same self-contained
// document as "Export as HTML" is laid out in a hidden frame of a fixed width, then drawn through an SVG
// <foreignObject> onto a canvas. That document has no script and only data: images, so drawing it
// neither runs nor fetches anything, and the canvas stays readable.

import type { Locale } from "@/lib/i18n";
import { type Conversation, htmlFileName } from "@/lib/share/client/export";
import { ExportError, imageScale } from "@/lib/share/selection";
import { buildConversationHtml } from "./export-html";

export const IMAGE_WIDTH = 800;

async function layout(html: string): Promise<{ xhtml: string; height: number }> {
  const frame = document.createElement("iframe");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.style.cssText = `position:fixed;left:-20000px;top:0;width:${IMAGE_WIDTH}px;height:100px;border:0;visibility:hidden`;
  frame.srcdoc = html;
  const loaded = new Promise<void>((resolve) => frame.addEventListener("load", () => resolve(), { once: true }));
  document.body.append(frame);
  try {
    await loaded;
    const doc = frame.contentDocument;
    if (!doc) throw new Error("the page could not be laid out");
    // Inside an image the reader's dark mode does not apply: the file is drawn light.
    doc.documentElement.style.colorScheme = "light";
    const height = Math.ceil(doc.documentElement.scrollHeight);
    return { xhtml: new XMLSerializer().serializeToString(doc.documentElement), height };
  } finally {
    frame.remove();
  }
}

/** The PNG bytes of a conversation (or of the messages in `only`); undefined when it is gone. */
export async function buildConversationPng(
  conversationId: string,
  locale: Locale,
  only?: ReadonlySet<string>,
): Promise<Blob | undefined> {
  const html = await buildConversationHtml(conversationId, locale, only);
  if (html === undefined) return undefined;
  const { xhtml, height } = await layout(html);
  // Refused before anything is drawn when it would be too tall to read (an ExportError the alert names).
  const scale = imageScale(height, window.devicePixelRatio);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${height}">` +
    `<foreignObject x="0" y="0" width="100%" height="100%">${xhtml}</foreignObject></svg>`;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(IMAGE_WIDTH * scale);
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the image could not be encoded"))), "image/png"),
  );
}

export async function downloadConversationPng(
  conversation: Conversation,
  locale: Locale,
  only?: ReadonlySet<string>,
): Promise<void> {
  const blob = await buildConversationPng(conversation.id, locale, only);
  if (!blob) throw new ExportError("gone");
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = htmlFileName(conversation).replace(/\.html$/, ".png");
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
