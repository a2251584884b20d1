// Web search sources as they travel with a reply: one AI SDK `source-url` part per result, the
// citation number and the site and date in its providerMetadata. Parts are what the browser stores,
// exports and imports with a message, so sources come back after a reload with nothing else to keep.
// Browser-safe and dependency-free: the renderer reads sources on every message it draws.

/** The providerMetadata key that marks a source-url part as one of ours. */
export const SOURCE_META_KEY = "webSearch";

/** How the results were found: GLM's built-in chat tool, or GLM's search API handed to the model. */
export type SearchVia = "glm-tool" | "glm-api";

export interface WebSearchSource {
  /** The number the reply cites it by: [n], [ref_n], 【ref_n】. */
  n: number;
  title: string;
  /** Always http(s): anything else is dropped where sources are read. */
  url: string;
  /** The site's name as the search engine gave it (GLM `media`); may be absent. */
  site?: string;
  /** Publication date as the search engine gave it (GLM `publish_date`), unparsed. */
  date?: string;
}

interface SourceUrlPart {
  type: "source-url";
  sourceId: string;
  url: string;
  title?: string;
  providerMetadata?: Record<string, Record<string, string | number>>;
}

export const SOURCE_LIMITS = {
  maxSources: 50,
  maxN: 999,
  title: 300,
  url: 2048,
  site: 100,
  date: 40,
} as const;

function clean(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  // Control characters (and the line breaks some engines leave in titles) would break a one-line list.
  const text = value
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return undefined;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** The URL when it is an absolute http(s) URL of reasonable length, normalized; otherwise undefined. */
function safeSourceUrl(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length > SOURCE_LIMITS.url) return undefined;
  try {
    const url = new URL(raw.trim());
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return undefined;
    // Credentials in a link are never a citation's business.
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** A source from untrusted fields (a provider's answer, a stored or imported part), or undefined. */
export function toSource(fields: {
  n: unknown;
  title?: unknown;
  url: unknown;
  site?: unknown;
  date?: unknown;
}): WebSearchSource | undefined {
  const url = safeSourceUrl(fields.url);
  const n = typeof fields.n === "number" ? fields.n : Number.NaN;
  if (!url || !Number.isInteger(n) || n < 1 || n > SOURCE_LIMITS.maxN) return undefined;
  const source: WebSearchSource = { n, url, title: clean(fields.title, SOURCE_LIMITS.title) ?? new URL(url).hostname };
  const site = clean(fields.site, SOURCE_LIMITS.site);
  const date = clean(fields.date, SOURCE_LIMITS.date);
  if (site) source.site = site;
  if (date) source.date = date;
  return source;
}

/** The UI part (and UI message chunk body) for a source. */
export function sourcePart(source: WebSearchSource, via: SearchVia): SourceUrlPart {
  const meta: Record<string, string | number> = { n: source.n, via };
  if (source.site) meta.site = source.site;
  if (source.date) meta.date = source.date;
  return {
    type: "source-url",
    sourceId: `ref_${source.n}`,
    url: source.url,
    title: source.title,
    providerMetadata: { [SOURCE_META_KEY]: meta },
  };
}

/**
 * The web search sources of a message, from its parts, in citation order. Parts are untrusted (an
 * imported backup, an old version): anything malformed is skipped, the first source of a number wins.
 */
export function sourcesOf(parts: readonly unknown[]): WebSearchSource[] {
  const byN = new Map<number, WebSearchSource>();
  for (const part of parts) {
    if (typeof part !== "object" || part === null) continue;
    const p = part as Record<string, unknown>;
    if (p.type !== "source-url") continue;
    const metaAll = p.providerMetadata;
    const meta =
      typeof metaAll === "object" && metaAll !== null
        ? ((metaAll as Record<string, unknown>)[SOURCE_META_KEY] as Record<string, unknown> | undefined)
        : undefined;
    if (typeof meta !== "object" || meta === null) continue;
    const source = toSource({ n: meta.n, title: p.title, url: p.url, site: meta.site, date: meta.date });
    if (source && !byN.has(source.n)) byN.set(source.n, source);
    if (byN.size >= SOURCE_LIMITS.maxSources) break;
  }
  return [...byN.values()].sort((a, b) => a.n - b.n);
}

/** The site to show for a source: the engine's name for it, else the link's host without `www.`. */
export function siteOf(source: WebSearchSource): string {
  if (source.site) return source.site;
  try {
    return new URL(source.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
