// The line of a matching message shown under a search result.

import type { QueryTerm } from "./query";
import { normalizeForSearch } from "./tokenize";

export interface SearchSnippet {
  messageId: string;
  text: string;
  /** [start, end) of the first match inside `text`, for highlighting. */
  highlight?: [number, number];
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

export function makeSnippet(messageId: string, text: string, terms: QueryTerm[]): SearchSnippet {
  const lower = text.toLowerCase();
  const norm = normalizeForSearch(text);
  let at = -1;
  let len = 0;
  for (const { term } of terms) {
    let i = lower.indexOf(term);
    if (i < 0) i = Math.min(norm.indexOf(term), text.length - 1);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      len = term.length;
    }
  }
  const start = at > SNIPPET_BEFORE ? at - SNIPPET_BEFORE : 0;
  const raw = text.slice(start, start + SNIPPET_LENGTH);
  const lead = start > 0 ? "…" : "";
  const tail = start + SNIPPET_LENGTH < text.length ? "…" : "";
  const snippet: SearchSnippet = { messageId, text: `${lead}${raw.replace(/\s+/g, " ")}${tail}` };
  if (at >= 0) {
    // Whitespace collapsing can shift the match; find it again in the final text.
    const needle = text.slice(at, at + len).replace(/\s+/g, " ");
    const pos = snippet.text.indexOf(needle);
    if (pos >= 0) snippet.highlight = [pos, pos + needle.length];
  }
  return snippet;
}
