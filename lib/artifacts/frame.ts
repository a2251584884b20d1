import { ARTIFACT_CSP } from "./document";

// The runner page behind previews that run scripts (see document.ts for why srcdoc cannot): a tiny
// document served by the app with the artifact policy as its own CSP header, so it does not inherit the
// page's nonce policy. It tells its parent it is ready, takes one document from it by postMessage, and
// writes it in place of itself — same document, same policy. Shared by the route and the browser.
//
// Browser side:
//   <iframe sandbox="allow-scripts" src={ARTIFACT_FRAME_PATH} title=…>
//   on a `message` event whose source is that iframe's contentWindow and whose data is
//   { type: FRAME_READY }: iframe.contentWindow.postMessage({ type: FRAME_LOAD, html }, "*")
// ("*" because a sandboxed frame's origin is opaque; the document is not a secret). Ignore every other
// message from the frame: the model's script runs there and may post anything. A new version or a
// streaming update remounts the iframe (a fresh runner).

export const ARTIFACT_FRAME_PATH = "/api/artifacts/frame";
export const FRAME_READY = "siliconplay:artifact-ready";
export const FRAME_LOAD = "siliconplay:artifact-load";

interface FrameLoadMessage {
  type: typeof FRAME_LOAD;
  html: string;
}

/** True for the runner's ready signal (the caller also checks `event.source`). */
export function isFrameReady(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === FRAME_READY;
}

export function frameLoadMessage(html: string): FrameLoadMessage {
  return { type: FRAME_LOAD, html };
}

/**
 * The runner's headers. `frame-ancestors 'self'` lets the app embed it (and overrides the blanket
 * X-Frame-Options: DENY of /api/*, which browsers ignore when frame-ancestors is present); `sandbox`
 * keeps its origin opaque even when it is opened on its own.
 */
export const FRAME_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": `${ARTIFACT_CSP}; frame-ancestors 'self'; sandbox allow-scripts`,
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
};

/** The runner document. It accepts one document, only from the window that embeds it. */
export const FRAME_HTML =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Preview</title></head><body><script>' +
  `addEventListener("message",function load(e){` +
  `if(e.source!==parent||!e.data||e.data.type!==${JSON.stringify(FRAME_LOAD)}||typeof e.data.html!=="string")return;` +
  `removeEventListener("message",load);document.open();document.write(e.data.html);document.close();});` +
  `parent.postMessage({type:${JSON.stringify(FRAME_READY)}},"*");` +
  "</script></body></html>";
