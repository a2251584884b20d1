import type { WebSearchSource } from "./sources";

// Citation markers in reply text → references to the message's sources. Pure and browser-safe; it
// never fetches anything. It reads one text run at a time (a Markdown text node: code spans and code
// blocks are other nodes and never reach it), and is robust to what streaming does to text:
//
// - GLM's chat tool numbers its results `ref_1`, `ref_2` … (the `refer` field, docs.bigmodel.cn Web
//   Search API); replies cite them as `[ref_1]`, `【ref_1】` or bare `ref_1`. Replies grounded in
//   numbered context (SiliconFlow through the search API) cite `[1]`, `[2]`, `[1, 3]`.
// - A marker may arrive split over several chunks (`[re` … `f_2]`). The browser parses the text it
//   holds so far; with `streaming`, a tail that may still become a marker is held back (not shown)
//   until the next chunk decides it, so a half marker never flashes on screen.
// - A number with no source: `[ref_7]` still reads as citation 7 (without a link); a plain `[7]`
//   stays text, because brackets around a number are ordinary prose far more often than not.

interface CitationRef {
  n: number;
  /** Undefined when the reply cites a number the sources do not have. */
  source?: WebSearchSource;
}

export type CitationSegment = { type: "text"; text: string } | { type: "cite"; refs: CitationRef[]; raw: string };

interface SplitOptions {
  /** The text is the streaming tail of a reply: hold back a trailing partial marker. */
  streaming?: boolean;
}

const OPEN: Record<string, string> = { "[": "]", "【": "】" };
// One marker: an opening bracket, one or more items (`ref_3` or `3`) separated by commas, a closing bracket.
const BRACKETED = /(\[|【)\s*((?:ref_)?\d{1,3}(?:\s*[,，、]\s*(?:ref_)?\d{1,3})*)\s*(\]|】)/g;
// GLM's bare form, as a word of its own (not `my_ref_1`, not `ref_12a`).
const BARE = /(?<![A-Za-z0-9_])ref_(\d{1,3})(?![A-Za-z0-9_])/g;

interface Match {
  start: number;
  end: number;
  refs: CitationRef[];
}

function findMarkers(text: string, byN: Map<number, WebSearchSource>): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const [raw, open, body, close] = m as unknown as [string, string, string, string];
    const start = m.index ?? 0;
    const end = start + raw.length;
    if (OPEN[open] !== close) continue;
    // `[1](…)` is a Markdown link and `[1]: …` a link definition, never a citation.
    if (text[end] === "(" || (open === "[" && text[end] === ":")) continue;
    const items = body.split(/\s*[,，、]\s*/);
    const refs: CitationRef[] = [];
    let ok = true;
    for (const item of items) {
      const explicit = item.startsWith("ref_");
      const n = Number(explicit ? item.slice(4) : item);
      const source = byN.get(n);
      // A plain number must name a source; `ref_n` is GLM's own marker, a citation even when unknown.
      if (!source && !explicit) {
        ok = false;
        break;
      }
      refs.push(source ? { n, source } : { n });
    }
    if (ok && refs.length > 0) out.push({ start, end, refs });
  }
  for (const m of text.matchAll(BARE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((x) => start < x.end && end > x.start)) continue;
    const n = Number(m[1]);
    const source = byN.get(n);
    out.push({ start, end, refs: [source ? { n, source } : { n }] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Where a tail of `text` that may still grow into a marker begins, or -1. Only the last few dozen
 * characters are looked at: a marker is short.
 */
export function pendingMarkerStart(text: string): number {
  const from = Math.max(0, text.length - 40);
  for (let i = text.length - 1; i >= from; i--) {
    const ch = text[i];
    if (ch === "]" || ch === "】" || ch === "\n") break;
    if ((ch === "[" || ch === "【") && isMarkerPrefix(text.slice(i))) return i;
  }
  // A word that may still become a bare `ref_12`: held for one chunk too (`r`, `re`, `ref`, `ref_1` …).
  const bare = /(?<![A-Za-z0-9_])(?:r|re|ref|ref_\d{0,3})$/.exec(text);
  return bare ? bare.index : -1;
}

/** True when `s` (starting with an opening bracket) is a prefix of some complete marker. */
function isMarkerPrefix(s: string): boolean {
  // Complete items with their separators, then at most one item still being written.
  return /^(?:\[|【)\s*(?:(?:ref_)?\d{1,3}\s*[,，、]\s*)*(?:r|re|ref|ref_\d{0,3}|\d{1,3})?\s*$/.test(s);
}

/**
 * Splits one text run into plain text and citation segments. `sources` are the message's own; with
 * none, nothing is a citation (a reply without web search has no markers to resolve).
 */
export function splitCitations(
  text: string,
  sources: readonly WebSearchSource[],
  options: SplitOptions = {},
): CitationSegment[] {
  if (sources.length === 0) return text ? [{ type: "text", text }] : [];
  let body = text;
  if (options.streaming) {
    const pending = pendingMarkerStart(text);
    if (pending >= 0) body = text.slice(0, pending);
  }
  const byN = new Map(sources.map((s) => [s.n, s]));
  const markers = findMarkers(body, byN);
  // A marker that ends the streamed text may still turn into a link (`[1](…)`) or a longer number.
  const last = markers.at(-1);
  if (options.streaming && last && last.end === body.length) {
    markers.pop();
    body = body.slice(0, last.start);
  }
  const out: CitationSegment[] = [];
  let at = 0;
  for (const m of markers) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ type: "text", text: body.slice(at, m.start) });
    out.push({ type: "cite", refs: m.refs, raw: body.slice(m.start, m.end) });
    at = m.end;
  }
  if (at < body.length) out.push({ type: "text", text: body.slice(at) });
  return out;
}

/** The numbers a whole reply cites, in order of first use (for a "cited" vs "also found" split). */
export function citedNumbers(text: string, sources: readonly WebSearchSource[]): number[] {
  const seen = new Set<number>();
  for (const segment of splitCitations(text, sources)) {
    if (segment.type === "cite") for (const ref of segment.refs) seen.add(ref.n);
  }
  return [...seen];
}
