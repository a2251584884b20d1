import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseBlock } from "@/components/chat/markdown/parse";
import { renderTree } from "@/components/chat/markdown/render";
import { createSplitter, SEGMENT, splitBlocks } from "@/components/chat/markdown/split";
import { I18nProvider } from "@/lib/i18n/client";
import { prng } from "@/lib/simulator/http";
import { longMarkdown } from "@/lib/simulator/longform";

function streamed(text: string, seed: number): string[] {
  // Random chunk sizes, as a provider would send them; returns the blocks after the last update.
  const rand = prng(seed);
  const splitter = createSplitter();
  let result = splitter.split("");
  for (let at = 0; at < text.length; ) {
    at = Math.min(text.length, at + 1 + Math.floor(rand() * 40));
    result = splitter.split(text.slice(0, at));
  }
  const blocks = result.segments.flat();
  if (result.tail !== null) blocks.push(result.tail);
  return blocks;
}

const html = (text: string) =>
  renderToStaticMarkup(<I18nProvider initialLocale="en">{renderTree(parseBlock(text, "", true), true)}</I18nProvider>);

describe("block splitter", () => {
  const doc = longMarkdown(60, 7);

  it("loses no text and splits a stream exactly as it splits the whole text", () => {
    const whole = splitBlocks(doc);
    expect(whole.join("")).toBe(doc);
    expect(whole.length).toBeGreaterThan(100);
    for (const seed of [1, 2, 3]) expect(streamed(doc, seed)).toEqual(whole);
  });

  it("renders the blocks exactly as the unsplit document", () => {
    const blocks = splitBlocks(doc);
    expect(blocks.map(html).join("")).toBe(html(doc));
  });

  it("never splits inside a fence, a $$ block or a list", () => {
    const fence = "```python\na = 1\n\n\nb = 2\n```";
    const math = "$$\na = 1\n\nb = 2\n$$";
    const list = "1. one\n\n2. two\n\n   more of two\n\n- other";
    const text = `Intro.\n\n${fence}\n\n${math}\n\n${list}\n\nEnd.\n`;
    expect(splitBlocks(text).map((b) => b.trim())).toEqual(["Intro.", fence, math, list, "End."]);
    expect(splitBlocks("~~~\n```\n\nx\n~~~\n\ny\n")).toEqual(["~~~\n```\n\nx\n~~~\n\n", "y\n"]);
  });

  it("keeps a block open until the line after the blank line is complete", () => {
    const s = createSplitter();
    expect(s.split("- a\n\n1").finished).toBe(0);
    // "1" turned out to be "1. b", an item of the same list.
    expect(s.split("- a\n\n1. b\n").finished).toBe(0);
    expect(s.split("- a\n\n1. b\n\nText\n").finished).toBe(1);
  });

  it("keeps full segments frozen and carries definitions across blocks", () => {
    const s = createSplitter();
    const paras = Array.from({ length: SEGMENT + 3 }, (_, i) => `Paragraph ${i}.`).join("\n\n");
    const first = s.split(`[ref]: https://example.com\n\n${paras}`);
    const second = s.split(`[ref]: https://example.com\n\n${paras} More.\n\nNext`);
    expect(second.segments[0]).toBe(first.segments[0]);
    expect(second.defs).toBe("[ref]: https://example.com");
    expect(second.defs).toBe(first.defs);
  });

  it("starts over when the text is replaced rather than extended", () => {
    const s = createSplitter();
    s.split("# Old\n\nold text\n\nmore");
    const r = s.split("# New\n\nnew\n");
    expect([...r.segments.flat(), r.tail]).toEqual(["# New\n\n", "new\n"]);
  });
});
