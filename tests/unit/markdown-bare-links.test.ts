import type { Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";
import { describe, expect, it } from "vitest";
import { flattenDeep } from "@/components/chat/markdown/flatten";
import { parseBlock } from "@/components/chat/markdown/parse";

// parseBlock skips GFM's bare-link pass for text that cannot hold a bare link; the tree must be
// what the full GFM parse gives, with the links found wherever there is one.

const full = (text: string): Root =>
  flattenDeep(
    fromMarkdown(text, {
      extensions: [gfm(), math()],
      mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
    }),
  );

function links(node: Root | RootContent): string[] {
  const own = node.type === "link" ? [node.url] : [];
  const kids = "children" in node ? (node.children as RootContent[]).flatMap(links) : [];
  return [...own, ...kids];
}

const strip = (tree: Root): unknown => JSON.parse(JSON.stringify(tree, (k, v) => (k === "position" ? undefined : v)));

describe("bare links", () => {
  it.each([
    ["see https://example.com/a?b=1 now", "https://example.com/a?b=1"],
    ["see HTTP://EXAMPLE.COM too", "HTTP://EXAMPLE.COM"],
    ["try WWW.Example.org today", "http://WWW.Example.org"],
    ["write to someone@example.com", "mailto:someone@example.com"],
    // Found only by the bare-link pass, after character references and escapes are decoded.
    ["write to someone&#64;example.com", "mailto:someone@example.com"],
    ["open http\\://example.com please", "http://example.com"],
    ["open &#104;ttps://example.com please", "https://example.com"],
  ])("finds the link in %j", (text, url) => {
    expect(links(parseBlock(text, "", false))).toEqual([url]);
    expect(strip(parseBlock(text, "", false))).toEqual(strip(full(text)));
  });

  it.each([
    "## Answer 12\n\nStep **12** works like this:\n\n- first part\n- second part",
    "| a | b |\n|---|---|\n| ~~x~~ | [ref][1] |\n\n[1]: /relative",
    "Math $x^2$ and a footnote[^n].\n\n[^n]: note, with no address in it",
    "一个没有链接的中文段落，带**强调**和`代码`。",
  ])("parses %j as the full GFM parse does", (text) => {
    const tree = parseBlock(text, "", false);
    expect(links(tree).filter((u) => /^(https?|mailto|xmpp):/.test(u))).toEqual([]);
    expect(strip(tree)).toEqual(strip(full(text)));
  });
});
