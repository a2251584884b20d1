// Strings for web search, artifact previews and sharing (issue 22). Names the tests use
// (ui-contract.md) are marked "contract"; keep them.
export const en = {
  "search.switch": "Web search", // contract
  "search.switchHint": "Ground the next replies in a web search (through GLM) with numbered sources.",
  "search.needsKey":
    "Web search needs a GLM key: set GLM_API_KEY in .env.local and restart the server. Replies are not searched until then.",
  "search.sources": "Sources",
  "search.cite": "Source {n}: {title}",
  "search.citeMissing": "Source {n} (not in the results)",
  "artifact.preview": "Preview", // contract
  "artifact.panel": "Artifact preview",
  "artifact.frameTitle": "Preview of {name}",
  "artifact.untitled": "artifact",
  "artifact.close": "Close preview",
  "artifact.version": "Version {n} of {count}",
  "artifact.previous": "Previous version",
  "artifact.next": "Next version",
  "artifact.download": "Download",
  "artifact.copy": "Copy source",
  "artifact.copied": "Copied",
  "artifact.copyFailed": "Copy failed",
  "artifact.sandbox": "Runs in a sandbox: no network, no access to this app or its data.",
  "artifact.streaming": "The reply is still being written; the preview follows it.",
  "artifact.zoomIn": "Zoom in",
  "artifact.zoomOut": "Zoom out",
  "artifact.zoomReset": "Actual size",
  "artifact.openDiagram": "Open diagram",
  "export.html": "Export as HTML", // contract
  "export.image": "Export as image",
  "export.failed": "The conversation could not be exported as {format}: {reason}",
  "export.kept": "Nothing in the conversation was changed.",
  "export.failure": "{failed} {kept}",
  "export.format.image": "an image",
  "export.format.html": "HTML",
  "export.format.markdown": "Markdown",
  "export.reason.tooTall":
    "the image would be {height} px tall, and one image holds at most {max} px. Select fewer messages, or use Export as HTML.",
  "export.reason.gone": "it no longer exists (it may have been deleted in another tab).",
  "export.reason.empty": "none of the selected messages exist any more. Select messages again.",
  "export.reason.other": "the browser could not make the file. Try again; if it fails again, try another format.",
  "export.select": "Select messages",
  "export.selection": "Message selection",
  "export.selectMessage": "Select message {n}",
  "export.selected": "{count} selected",
  "export.selectAll": "Select all",
  "export.cancel": "Cancel",
  "export.exporting": "Exporting…",
  "export.you": "You",
  "export.assistant": "Assistant",
  "export.reasoning": "Reasoning",
  "export.footer": "Exported from SiliconPlay on {date}. This file is self-contained and makes no network requests.",
  "export.imageOmitted": "[image from {host}, not embedded]",
  "export.imageMissing": "[image not available]",
};

export type ShareKey = keyof typeof en;
