import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";
import { flattenDeep } from "./flatten";
import { tameMarkdown } from "./tame";

// micromark + mdast directly (no unified, no hast, no HTML parser): the syntax tree is rendered to
// React by render.tsx, so raw HTML in model output can only ever become a text node. The extension
// objects are built once at module level, as rebuilding them per parse costs more than small blocks.
const options = {
  extensions: [gfm(), math()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
};
// GFM's bare-link transform walks every text node with four regular expressions, and it was half
// of the parse time when a long conversation opened. Each of its patterns needs "http", "www" or
// "@" in the decoded text (mdast-util-gfm-autolink-literal). Letters cannot be backslash-escaped, so
// without a character reference ("&") those letters are in the source as typed, and an "@" is there
// escaped or not: text with none of "&", "@", "www", "http" skips the pass and parses to the same tree.
const withoutBareLinks = {
  ...options,
  mdastExtensions: [gfmFromMarkdown().map(({ transforms: _, ...rest }) => rest), mathFromMarkdown()],
};
const MAY_HOLD_BARE_LINK = /&|@|www|http/i;

// Messages are remounted when a virtualized list scrolls or a conversation is reopened; a bounded
// cache of finished blocks' trees keeps that from re-parsing whole replies.
const CACHE_LIMIT = 2000;
const cache = new Map<string, Root>();

/**
 * Parses one block; `defs` are link reference definitions found elsewhere in the message. Only
 * final blocks are cached: a streaming tail changes on every token and would evict useful entries.
 */
export function parseBlock(text: string, defs: string, final: boolean): Root {
  const key = defs ? `${defs}\u0000${text}` : text;
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Definitions go first: they render nothing, and an unclosed fence at the end of a streaming
  // block must not swallow them. Model text is tamed first and the tree flattened after, so no
  // block costs more than bounded work (tame.ts, flatten.ts).
  const source = tameMarkdown(defs ? `${defs}\n\n${text}` : text);
  const tree = flattenDeep(fromMarkdown(source, MAY_HOLD_BARE_LINK.test(source) ? options : withoutBareLinks));
  if (!final) return tree;
  cache.set(key, tree);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return tree;
}
