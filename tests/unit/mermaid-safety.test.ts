// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import {
  checkMermaidSource,
  MERMAID_MAX_LINES,
  mermaidConfig,
  riskyCss,
  sanitizeSvg,
} from "@/components/chat/markdown/mermaid-safety";

// Issue 17 finding 5: a diagram in a reply made the browser fetch an attacker's URL with no click.
const TRAP = "https://trap.example/x.png";

describe("checkMermaidSource", () => {
  it("lets ordinary diagrams through, including a theme directive", () => {
    expect(checkMermaidSource("graph TD\n  A[Start] --> B{Is it?}\n  B -->|Yes| C[OK]")).toEqual({ ok: true });
    expect(checkMermaidSource("sequenceDiagram\n  Alice->>Bob: Hi <br> there")).toEqual({ ok: true });
    expect(checkMermaidSource("%%{init: {'theme': 'forest'}}%%\ngraph LR\n  a --> b")).toEqual({ ok: true });
    expect(checkMermaidSource("graph TD\n  style A fill:#f9f,stroke:#333,stroke-width:4px\n  A --> B")).toEqual({
      ok: true,
    });
    expect(checkMermaidSource("classDiagram\n  Animal <|-- Duck\n  class List~Animal~")).toEqual({ ok: true });
  });

  it.each([
    ["an <img> label", `graph TD\n  A["<img src=${TRAP}>"] --> B`],
    ["an inline style with url()", `graph TD\n  A --> B\n  style A fill:url(${TRAP})`],
    ["a classDef with url()", `graph TD\n  classDef x background:url(${TRAP})\n  A:::x --> B`],
    ["a CSS escape of url", `graph TD\n  A --> B\n  style A fill:u\\72l(${TRAP})`],
    ["image-set()", `graph TD\n  A --> B\n  style A background:image-set("${TRAP}" 1x)`],
    ["themeCSS in an init directive", `%%{init:{"themeCSS": ".node rect { fill: red }"}}%%\ngraph TD\n  A --> B`],
    ["fontFamily in an init directive", `%%{init:{"fontFamily": "x"}}%%\ngraph TD\n  A --> B`],
    ["htmlLabels switched back on", `%%{init:{"flowchart": {"htmlLabels": true}}}%%\ngraph TD\n  A --> B`],
    ["CSS in front matter", `---\nconfig:\n  themeCSS: "g { fill: red }"\n---\ngraph TD\n  A --> B`],
    ["an unterminated directive", `%%{init:{"theme": "dark"\ngraph TD\n  A --> B`],
    ["an svg image element", `graph TD\n  A["<image href='${TRAP}'/>"] --> B`],
  ])("refuses %s", (_name, code) => {
    expect(checkMermaidSource(code)).toEqual({ ok: false, reason: "unsafe" });
  });

  it("refuses diagrams past the size cap, which used to block the page for seconds each", () => {
    const edges = Array.from({ length: 300 }, (_, i) => `  N${i} --> N${i + 1}`).join("\n");
    expect(checkMermaidSource(`graph TD\n${edges}`)).toEqual({ ok: false, reason: "too_large", lines: 301 });
    const fits = Array.from({ length: MERMAID_MAX_LINES - 1 }, (_, i) => `  N${i} --> N${i + 1}`).join("\n");
    expect(checkMermaidSource(`graph TD\n${fits}`)).toEqual({ ok: true });
  });

  it("configures mermaid without HTML labels and keeps styling keys out of reach of directives", () => {
    const config = mermaidConfig(false);
    expect(config.htmlLabels).toBe(false);
    expect(config.flowchart.htmlLabels).toBe(false);
    expect(config.securityLevel).toBe("strict");
    for (const key of ["themeCSS", "fontFamily", "htmlLabels", "flowchart", "securityLevel", "dompurifyConfig"]) {
      expect(config.secure).toContain(key);
    }
  });
});

describe("sanitizeSvg", () => {
  const wrap = (inner: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="m">${inner}</svg>`;

  it("keeps the drawing: shapes, text, local markers and the theme's styles", () => {
    const svg = wrap(
      '<style>#m .node rect{fill:#eee;stroke:#333}</style><defs><marker id="arrow"><path d="M0,0L10,5"/></marker></defs>' +
        '<g class="node"><rect width="10" height="10" style="fill:#f9f"/><text>Start</text></g>' +
        '<path d="M0,0L9,9" marker-end="url(#arrow)"/><use href="#arrow"/>',
    );
    const out = sanitizeSvg(svg);
    expect(out).toContain("<style>#m .node rect{fill:#eee;stroke:#333}</style>");
    expect(out).toContain('marker-end="url(#arrow)"');
    expect(out).toContain('style="fill:#f9f"');
    expect(out).toContain("<text>Start</text>");
    expect(out).toContain('<use href="#arrow"');
  });

  it("removes everything that could load, run or link", () => {
    const svg = wrap(
      `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="${TRAP}"/></div></foreignObject>` +
        `<image href="${TRAP}"/><image xlink:href="${TRAP}"/><script>alert(1)</script>` +
        `<rect onload="alert(1)" style="fill:url(${TRAP})" width="1"/>` +
        `<rect fill="url('${TRAP}')" width="2"/><use href="${TRAP}#x"/>` +
        `<a href="javascript:alert(1)"><text>link text</text></a>` +
        `<style>@import url(${TRAP});</style><style>.x{background:u\\72l(${TRAP})}</style>` +
        `<filter><feImage href="${TRAP}"/></filter><animate attributeName="href" to="javascript:alert(1)"/>`,
    );
    const out = sanitizeSvg(svg);
    expect(out).not.toMatch(
      /trap\.example|foreignObject|<img|<image|<script|onload|javascript:|<style|feImage|animate/i,
    );
    // The link's drawing stays, as text.
    expect(out).toContain("<text>link text</text>");
    expect(out).toContain('width="1"');
  });

  it("returns nothing for text that is not an SVG document", () => {
    expect(sanitizeSvg("<html><body>hi</body></html>")).toBe("");
    expect(sanitizeSvg("not markup")).toBe("");
  });

  it("tells local references from requests in CSS", () => {
    expect(riskyCss("marker-end:url(#a)")).toBe(false);
    expect(riskyCss("fill: url( '#a' )")).toBe(false);
    expect(riskyCss(`fill:url(${TRAP})`)).toBe(true);
    expect(riskyCss("fill:URL(//trap.example/x)")).toBe(true);
    expect(riskyCss("@font-face{font-family:x}")).toBe(true);
  });
});
