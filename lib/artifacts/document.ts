import type { Artifact, ArtifactKind } from "./extract";

// The document an artifact preview shows, and the rules its frame runs under. Pure and browser-safe.
//
// The frame is `<iframe sandbox="allow-scripts">` — never `allow-same-origin` — so it has an opaque
// origin: no cookies, no storage, no access to the app's window, and requests it makes carry no
// credentials. Its CSP comes first in the document, before a single byte of the model's markup, so
// nothing the model wrote can run before it applies: scripts and styles inline only, images and fonts
// from data:/blob: only, and no network at all (connect-src falls back to default-src 'none').
//
// Where it runs matters: an `about:srcdoc` (or blob:, or data:) document inherits the embedding page's
// CSP as well as its own, and the app's page CSP allows scripts by nonce only, so inline scripts in a
// srcdoc preview are blocked, event-handler attributes included. Previews that run scripts therefore load
// the runner page (GET /api/artifacts/frame, lib/artifacts/frame.ts), which is served with this same
// policy as its own header and writes the document in. An SVG (no scripts needed) can use srcdoc.

export const ARTIFACT_SANDBOX = "allow-scripts";

export const ARTIFACT_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "media-src data: blob:",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * Everything before the model's markup. The head stays open: a full document that follows (doctype,
 * <html>, <head> and all) is parsed into it as the HTML parser does for a second <html>/<head> (the
 * extra doctype and <head> tag are ignored, <html> attributes merge), so the page keeps standards mode
 * and its own head content, behind this policy.
 */
const PREFIX =
  '<!DOCTYPE html><html><head><meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="${ARTIFACT_CSP}">` +
  '<meta name="referrer" content="no-referrer">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">';

const SVG_PAGE =
  "<style>html,body{margin:0;height:100%}body{display:flex;align-items:center;justify-content:center}" +
  "body>svg{max-width:100%;max-height:100vh;height:auto}</style></head><body>";

type PreviewableKind = Exclude<ArtifactKind, "mermaid">;

/** The complete HTML document for a preview (an iframe's srcdoc, or what the runner page writes). */
export function artifactDocument(artifact: { kind: PreviewableKind; code: string }): string {
  if (artifact.kind === "svg") return `${PREFIX}${SVG_PAGE}${artifact.code.replace(/^\s*<\?xml[^>]*>/i, "")}`;
  return PREFIX + artifact.code;
}

const EXTENSIONS: Record<ArtifactKind, string> = { html: "html", svg: "svg", mermaid: "mmd" };
const MIME: Record<ArtifactKind, string> = {
  html: "text/html;charset=utf-8",
  svg: "image/svg+xml",
  mermaid: "text/plain;charset=utf-8",
};

/** A file name for Download: the fence's or the document's own name when it has one, else `artifact`. */
export function artifactFileName(artifact: Pick<Artifact, "kind" | "code" | "meta">, version?: number): string {
  const named = nameOf(artifact);
  const base =
    (named ?? "artifact")
      .replace(/\.(html?|svg|mmd)$/i, "")
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, "-")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80) || "artifact";
  return `${base}${version && version > 1 ? ` (v${version})` : ""}.${EXTENSIONS[artifact.kind]}`;
}

/** The MIME type Download saves the file with (the source as written, not the preview document). */
export function artifactMimeType(kind: ArtifactKind): string {
  return MIME[kind];
}

/** A name the model gave the artifact: in the fence (`html title="Clock"`, `html clock.html`) or its <title>. */
export function nameOf(artifact: Pick<Artifact, "kind" | "code" | "meta">): string | undefined {
  const meta = artifact.meta.trim();
  const attr = /\b(?:title|filename|file|name)\s*=\s*(?:"([^"]+)"|'([^']+)'|(\S+))/i.exec(meta);
  const fromMeta = attr ? (attr[1] ?? attr[2] ?? attr[3]) : /(\S+\.(?:html?|svg|mmd))\b/i.exec(meta)?.[1];
  if (fromMeta?.trim()) return fromMeta.trim();
  if (artifact.kind === "mermaid") return undefined;
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(artifact.code)?.[1];
  return title?.replace(/\s+/g, " ").trim() || undefined;
}
