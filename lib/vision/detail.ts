import type { ImageDetail } from "./tokens";

// SiliconFlow reads `detail` inside `image_url`. A UI file part carries it as
// providerMetadata.openaiCompatible.detail; the AI SDK puts that on the content part, and
// moveImageDetail (on the outgoing request body) moves it where the provider reads it.

function isImageDetail(value: unknown): value is ImageDetail {
  return value === "low" || value === "high" || value === "auto";
}

/** The part's chosen detail, if it has a valid one. */
export function detailOfPart(part: { providerMetadata?: unknown }): ImageDetail | undefined {
  const meta = part.providerMetadata as { openaiCompatible?: { detail?: unknown } } | undefined;
  const detail = meta?.openaiCompatible?.detail;
  return isImageDetail(detail) ? detail : undefined;
}

/**
 * Rewrites `{type:"image_url", image_url:{url}, detail}` to `{type:"image_url", image_url:{url, detail}}`;
 * with keep = false (GLM has no such field) the detail is dropped.
 */
export function moveImageDetail(body: string, keep = true): string {
  if (!body.includes('"detail"')) return body;
  let parsed: { messages?: unknown };
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.messages)) return body;
  for (const message of parsed.messages as { content?: unknown }[]) {
    if (!Array.isArray(message?.content)) continue;
    for (const part of message.content as Record<string, unknown>[]) {
      if (part?.type !== "image_url" || !("detail" in part)) continue;
      const { detail, ...rest } = part;
      const image = (rest.image_url ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(part)) delete part[key];
      Object.assign(part, rest, { image_url: keep && isImageDetail(detail) ? { ...image, detail } : image });
    }
  }
  return JSON.stringify(parsed);
}

/** A fetch that fixes the request body's image parts (see moveImageDetail) before sending. */
export function withImageDetail(fetchFn: typeof fetch, keep: boolean): typeof fetch {
  return (input, init) =>
    fetchFn(input, typeof init?.body === "string" ? { ...init, body: moveImageDetail(init.body, keep) } : init);
}
