// The markdown renderer's own words: copy buttons, blocked images and links, diagrams.
export const en = {
  "markdown.copy": "Copy",
  "markdown.copyCode": "Copy code",
  "markdown.copied": "Copied",
  "markdown.copyFailed": "Copy failed",
  "markdown.plainText": "text",
  "markdown.table": "Table",
  "markdown.image.load": "Load image from {host}",
  "markdown.image.loadHint":
    "Remote images are not loaded automatically, so a reply cannot send data to {host} unseen.",
  "markdown.image.blocked": "Image not shown (unsupported address): {alt}",
  "markdown.image.failed": "Image from {host} could not be loaded",
  "markdown.link.blocked": "Link removed: only http, https and mailto addresses are allowed",
  "markdown.mermaid.label": "Mermaid diagram",
  "markdown.mermaid.rendering": "Rendering diagram…",
  "markdown.mermaid.error": "The diagram could not be rendered; showing its source.",
  "markdown.mermaid.tooLarge": "This diagram is too large to draw here (over {max} lines); showing its source.",
  "markdown.mermaid.unsafe":
    "This diagram asks for custom styles, fonts, HTML or outside resources, which are not allowed; showing its source.",
  "markdown.fallback": "This reply could not be shown with formatting, so here is its text as written.",
  // "Export as Markdown" (lib/db/markdown.ts): the labels written into the file.
  "markdown.export.untitled": "New chat",
  "markdown.export.you": "You",
  "markdown.export.assistant": "Assistant",
  "markdown.export.assistantModel": "Assistant ({model})",
  "markdown.export.system": "System",
  "markdown.export.reasoning": "Reasoning",
  "markdown.export.attachment": "Attachment",
  "markdown.export.model": "Model",
  "markdown.export.status.stopped": "Stopped",
  "markdown.export.status.interrupted": "Interrupted",
  "markdown.export.status.failed": "Failed",
  "markdown.export.status.streaming": "Incomplete",
} as const;

export type MarkdownKey = keyof typeof en;
