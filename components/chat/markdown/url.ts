// URL policy for model output. Links and images come from text a prompt injection can control, so
// only a small allow-list of schemes ever reaches an attribute; everything else renders as text.

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
const IMAGE_PROTOCOLS = new Set(["http:", "https:"]);

function parse(raw: string): URL | null {
  // Absolute URLs only: a relative link would navigate inside this app, a protocol-relative one
  // hides its scheme. The URL parser also strips the tabs and newlines of "java\tscript:" tricks.
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** The normalized href for an http(s) or mailto link, or null when it must not be a link. */
export function safeLinkHref(raw: string): string | null {
  const url = parse(raw);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** An http(s) image URL (never `data:`, `blob:`, `javascript:`…), or null. */
export function safeImageUrl(raw: string): URL | null {
  const url = parse(raw);
  return url && IMAGE_PROTOCOLS.has(url.protocol) && url.hostname ? url : null;
}
