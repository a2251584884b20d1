// The line of a matching message shown under a search result: plain text as the reader saw the
// message, not its markdown source (issue 24: a hit showed `**`, `[text](url)` and fence lines).

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
/**
 * Source read around the match: markdown marks are dropped from this window only, so a 100 KB reply
 * costs no more than a short one. Wide enough that the plain text still fills a snippet.
 */
const WINDOW_BEFORE = 240;
const WINDOW_AFTER = 480;

/**
 * Markdown as it reads on screen, for one line of text: fences, headings, quotes, list and table
 * marks, emphasis and HTML tags go; link and image text stay. Every pattern is linear (no nested
 * quantifiers, bounded spans), since model output may be hostile.
 */
export function markdownToPlain(markdown: string): string {
  return (
    markdown
      // Fence lines (```ts, ~~~), whole: the code between them is text the reader saw.
      .replace(/^[ \t]*(?:`{3,}|~{3,})[^\n]*$/gm, " ")
      // Bounded: with no closing mark, an unbounded scan from every "[" would be quadratic.
      .replace(/!\[([^\]\n]{0,300})\]\([^)\s]{0,300}\)/g, "$1")
      .replace(/\[([^\]\n]{0,300})\]\([^)\s]{0,300}\)/g, "$1")
      .replace(/\[([^\]\n]{0,300})\]\[[^\]\n]{0,300}\]/g, "$1")
      .replace(/<\/?[a-zA-Z][^<>\n]{0,300}>/g, " ")
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)+/gm, "")
      .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, "")
      .replace(/^[ \t]*\|?[ \t]*:?-{3,}[-:| \t]*$/gm, " ")
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, " ")
      .replace(/[ \t]*\|[ \t]*/g, " ")
      .replace(/`+/g, "")
      .replace(/~~/g, "")
      // Emphasis marks touch a word; "2 * 3" and snake_case keep theirs.
      .replace(/(?<=\S)\*+|\*+(?=\S)/g, "")
      .replace(/(?<![\p{L}\p{N}])_+(?=\S)|(?<=\S)_+(?![\p{L}\p{N}])/gu, "")
  );
}

/** Where the earliest term matches `text`, and how long the match is (-1 when none does). */
function firstMatch(text: string, terms: QueryTerm[]): [number, number] {
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
  return [at, len];
}

export function makeSnippet(messageId: string, source: string, terms: QueryTerm[]): SearchSnippet {
  const [rawAt] = firstMatch(source, terms);
  const from = Math.max(0, rawAt - WINDOW_BEFORE);
  const window = source.slice(from, Math.max(rawAt, 0) + WINDOW_AFTER);
  const text = markdownToPlain(window);
  const [at, len] = firstMatch(text, terms);
  const start = at > SNIPPET_BEFORE ? at - SNIPPET_BEFORE : 0;
  const raw = text.slice(start, start + SNIPPET_LENGTH).trim();
  const lead = start > 0 || from > 0 ? "…" : "";
  const more = start + SNIPPET_LENGTH < text.length || from + window.length < source.length;
  const snippet: SearchSnippet = { messageId, text: `${lead}${raw.replace(/\s+/g, " ")}${more ? "…" : ""}` };
  if (at >= 0) {
    // Whitespace collapsing can shift the match; find it again in the final text.
    const needle = text.slice(at, at + len).replace(/\s+/g, " ");
    const pos = snippet.text.indexOf(needle);
    if (pos >= 0) snippet.highlight = [pos, pos + needle.length];
  }
  return snippet;
}
