import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CitationSegment, citedNumbers, pendingMarkerStart, splitCitations } from "@/lib/search/citations";
import { SOURCE_META_KEY, siteOf, sourcePart, sourcesOf, toSource, type WebSearchSource } from "@/lib/search/sources";

const SOURCES: WebSearchSource[] = [1, 2, 3].map((n) => ({
  n,
  title: `Source ${n}`,
  url: `https://site${n}.example.com/page`,
  site: n === 2 ? undefined : `Site ${n}`,
  date: "2026-05-01",
}));

/** Segments as one string: text as is, a citation as ⟨n,n⟩ (× for a number without a source). */
function show(segments: CitationSegment[]): string {
  return segments
    .map((s) => (s.type === "text" ? s.text : `⟨${s.refs.map((r) => (r.source ? String(r.n) : `${r.n}×`)).join(",")}⟩`))
    .join("");
}

const split = (text: string, streaming = false) => show(splitCitations(text, SOURCES, { streaming }));

describe("splitCitations", () => {
  it("reads GLM's ref_N markers in brackets, CJK brackets and bare", () => {
    expect(split("Rust 1.90 shipped [ref_1]. It adds X【ref_2】 and Y ref_3.")).toBe(
      "Rust 1.90 shipped ⟨1⟩. It adds X⟨2⟩ and Y ⟨3⟩.",
    );
  });

  it("reads numbered markers, lists and runs of them", () => {
    expect(split("Tides [1]. Both [1, 3] and [2][3]; also [1，2] and 【3】.")).toBe(
      "Tides ⟨1⟩. Both ⟨1,3⟩ and ⟨2⟩⟨3⟩; also ⟨1,2⟩ and ⟨3⟩.",
    );
  });

  it("keeps a plain number without a source as text, but reads an unknown ref_N as a citation", () => {
    expect(split("an array a[7] and [ref_7] and [1, 9]")).toBe("an array a[7] and ⟨7×⟩ and [1, 9]");
  });

  it("leaves Markdown links, definitions, mixed brackets and lookalike words alone", () => {
    expect(split("[1](https://x.example) [2]: https://y.example [2】 my_ref_1 ref_12a")).toBe(
      "[1](https://x.example) [2]: https://y.example [2】 my_ref_1 ref_12a",
    );
    // GLM's own `ref_N` is unambiguous: inside mismatched brackets it still reads as the bare marker.
    expect(split("x [ref_1】")).toBe("x [⟨1⟩】");
  });

  it("finds nothing in a reply without sources", () => {
    expect(splitCitations("see [1] and [ref_1]", [])).toEqual([{ type: "text", text: "see [1] and [ref_1]" }]);
    expect(splitCitations("", SOURCES)).toEqual([]);
  });

  it("ties each reference to its source", () => {
    const [, cite] = splitCitations("x [ref_2]", SOURCES);
    expect(cite).toEqual({ type: "cite", raw: "[ref_2]", refs: [{ n: 2, source: SOURCES[1] }] });
    expect(citedNumbers("a [3] b [ref_1] c [3]", SOURCES)).toEqual([3, 1]);
  });

  it("holds back a streamed tail that may still become a marker", () => {
    for (const tail of ["[", "[r", "[ref", "[ref_", "[ref_1", "【ref_", "[1", "[1,", "[1, 2", " ref_", " re"]) {
      expect(split(`Done${tail}`, true), tail).toBe(tail.startsWith(" ") ? "Done " : "Done");
    }
    // A complete marker at the very end waits one chunk: it may still become a link, `[1](…)`.
    expect(split("Done [1]", true)).toBe("Done ");
    expect(split("Done [1] more", true)).toBe("Done ⟨1⟩ more");
    // Not a marker prefix: shown at once.
    expect(split("Done [x", true)).toBe("Done [x");
    expect(pendingMarkerStart("a]b")).toBe(-1);
  });

  it("never shows a half marker and never takes back what it showed, however the text is cut", () => {
    const token = fc.constantFrom(
      "[",
      "]",
      "【",
      "】",
      "ref_",
      "ref",
      "1",
      "2",
      "9",
      ", ",
      " ",
      "a",
      "(",
      ":",
      "_",
      "x",
      "这",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const text = tokens.join("");
        const final = split(text);
        for (let i = 0; i <= text.length; i++) {
          const shown = split(text.slice(0, i), true);
          if (!final.startsWith(shown)) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it("settles on the same result as a one-shot parse once the stream ends, whatever the chunking", () => {
    const reply = "GLM says so [ref_1]【ref_2】, see [1, 3] and ref_3. Not [7] nor [x].";
    const whole = split(reply);
    for (let size = 1; size <= 7; size++) {
      let text = "";
      for (let i = 0; i < reply.length; i += size) {
        text += reply.slice(i, i + size);
        expect(whole.startsWith(split(text, true))).toBe(true);
      }
      expect(split(text)).toBe(whole);
    }
  });
});

describe("sources", () => {
  it("round-trips through a source-url part, as stored, exported and imported", () => {
    const parts = SOURCES.map((s) => sourcePart(s, "glm-tool"));
    expect(parts[0]).toEqual({
      type: "source-url",
      sourceId: "ref_1",
      url: "https://site1.example.com/page",
      title: "Source 1",
      providerMetadata: { [SOURCE_META_KEY]: { n: 1, via: "glm-tool", site: "Site 1", date: "2026-05-01" } },
    });
    const reloaded = JSON.parse(JSON.stringify([{ type: "text", text: "x" }, ...parts.reverse()]));
    expect(sourcesOf(reloaded)).toEqual(SOURCES);
  });

  it("skips parts that are not ours or are malformed, keeping the first of each number", () => {
    const good = sourcePart(SOURCES[0] as WebSearchSource, "glm-api");
    const parts: unknown[] = [
      null,
      "x",
      { type: "source-url", sourceId: "s", url: "https://a.example" },
      { ...good, url: "javascript:alert(1)" },
      { ...good, url: "https://user:pw@a.example/" },
      { ...good, providerMetadata: { webSearch: { n: 0 } } },
      good,
      { ...good, url: "https://other.example/" },
    ];
    expect(sourcesOf(parts).map((s) => s.url)).toEqual(["https://site1.example.com/page"]);
  });

  it("cleans titles and falls back to the host for an untitled result", () => {
    const s = toSource({
      n: 4,
      title: " A\n title\u0000 ",
      url: "https://www.news.example/a",
      site: "",
      date: 20260101,
    });
    expect(s).toEqual({ n: 4, title: "A title", url: "https://www.news.example/a" });
    expect(siteOf(s as WebSearchSource)).toBe("news.example");
    expect(toSource({ n: 1, url: "https://x.example", title: "t".repeat(400) })?.title).toHaveLength(300);
    expect(toSource({ n: 1.5, url: "https://x.example" })).toBeUndefined();
    expect(toSource({ n: 1, url: "ftp://x.example" })).toBeUndefined();
  });
});
