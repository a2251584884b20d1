import { describe, expect, it } from "vitest";
import { makeSnippet, markdownToPlain, queryTerms } from "@/lib/db/search";

// Issue 24: a search hit's line reads as the message did on screen, not as its markdown source.

function shown(source: string, query: string) {
  const s = makeSnippet("m1", source, queryTerms(query));
  const mark = s.highlight ? s.text.slice(s.highlight[0], s.highlight[1]) : undefined;
  return { text: s.text, mark };
}

describe("search snippets", () => {
  it("drops emphasis, code, heading, quote and list marks; keeps link and image text", () => {
    const md = [
      "## Setting up **narwhal**",
      "> quoted `narwhal_cfg` line",
      "- [docs](https://example.com/x) and ![a diagram](https://e.com/d.png)",
      "1. ~~old~~ new _way_",
      "```ts",
      "const x = 2 * 3;",
      "```",
    ].join("\n");
    const plain = markdownToPlain(md);
    expect(plain).not.toMatch(/[#>`]|\*\*|~~|\]\(|```/);
    expect(plain).toContain("Setting up narwhal");
    expect(plain).toContain("quoted narwhal_cfg line");
    expect(plain).toContain("docs and a diagram");
    expect(plain).toContain("old new way");
    expect(plain).toContain("const x = 2 * 3;");
  });

  it("tables read as their cells", () => {
    expect(markdownToPlain("| a | b |\n|---|:-:|\n| narwhal | 2 |").replace(/\s+/g, " ").trim()).toBe("a b narwhal 2");
  });

  it("highlights the match in the plain text, in English and Chinese", () => {
    expect(shown("Some **narwhal** facts", "narwhal")).toEqual({ text: "Some narwhal facts", mark: "narwhal" });
    const zh = shown("### 关于**独角鲸**的长牙", "独角鲸");
    expect(zh.text).toBe("关于独角鲸的长牙");
    // Chinese is matched by character pairs (tokenize.ts): the first pair is marked.
    expect(zh.mark).toBe("独角");
  });

  it("a match deep in a long reply shows the text around it, marked as cut on both sides", () => {
    const source = `${"Intro words. ".repeat(2000)}Here the **narwhal** appears. ${"Outro. ".repeat(2000)}`;
    const s = shown(source, "narwhal");
    expect(s.mark).toBe("narwhal");
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.text.endsWith("…")).toBe(true);
    expect(s.text).not.toContain("**");
    expect(s.text.length).toBeLessThanOrEqual(122);
  });

  it("hostile markdown: 220 KB of marks is read in one linear pass", () => {
    // A quadratic pattern would run for minutes here and hit the test's own timeout.
    const hostile = "*_`[](~~>#|".repeat(20_000);
    expect(markdownToPlain(hostile).length).toBeLessThan(hostile.length);
    expect(makeSnippet("m1", hostile, queryTerms("x")).text.length).toBeLessThanOrEqual(122);
  });
});
