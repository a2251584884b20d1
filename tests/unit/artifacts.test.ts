// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import {
  ARTIFACT_CSP,
  ARTIFACT_SANDBOX,
  artifactDocument,
  artifactFileName,
  artifactMimeType,
} from "@/lib/artifacts/document";
import { extractArtifacts } from "@/lib/artifacts/extract";
import {
  ARTIFACT_FRAME_PATH,
  FRAME_HEADERS,
  FRAME_HTML,
  FRAME_LOAD,
  FRAME_READY,
  frameLoadMessage,
  isFrameReady,
} from "@/lib/artifacts/frame";
import { groupArtifacts, similarity, versionsOf } from "@/lib/artifacts/versions";

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
const fence = (lang: string, code: string, meta = "") => `\`\`\`${lang}${meta ? ` ${meta}` : ""}\n${code}\n\`\`\``;

describe("the preview frame's rules", () => {
  it("sandboxes with scripts only and forbids all network in the CSP, exactly", () => {
    expect(ARTIFACT_SANDBOX).toBe("allow-scripts");
    expect(ARTIFACT_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; " +
        "font-src data:; media-src data: blob:; form-action 'none'; base-uri 'none'",
    );
    expect(ARTIFACT_CSP).not.toMatch(/https?:|\*|'self'|unsafe-eval|connect-src/);
  });

  it("serves the runner page under the same policy as its own header, embeddable by the app only", async () => {
    expect(FRAME_HEADERS["content-security-policy"]).toBe(
      `${ARTIFACT_CSP}; frame-ancestors 'self'; sandbox allow-scripts`,
    );
    expect(FRAME_HEADERS["content-security-policy"]).not.toContain("allow-same-origin");
    const { GET } = await import("@/app/api/artifacts/frame/route");
    const res = await GET(new Request(`http://localhost${ARTIFACT_FRAME_PATH}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(FRAME_HEADERS["content-security-policy"]);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toBe(FRAME_HTML);
    expect(html).not.toMatch(/\b(?:src|href)=|https?:/);
    expect(html).toContain(FRAME_READY);
    expect(html).toContain(FRAME_LOAD);
    expect(isFrameReady({ type: FRAME_READY })).toBe(true);
    expect(isFrameReady({ type: FRAME_LOAD })).toBe(false);
    expect(isFrameReady(null)).toBe(false);
    expect(frameLoadMessage("<p>x</p>")).toEqual({ type: FRAME_LOAD, html: "<p>x</p>" });
  });
});

describe("artifactDocument", () => {
  const cspMetas = (doc: Document) =>
    [...doc.querySelectorAll("meta[http-equiv]")].filter(
      (m) => m.getAttribute("http-equiv") === "Content-Security-Policy",
    );

  it("puts the CSP before anything in a script-bearing full document, keeping standards mode", () => {
    const code =
      '<!DOCTYPE html><html lang="fr"><head><script>alert(1)</script>' +
      '<meta http-equiv="Content-Security-Policy" content="default-src *"><title>Clock</title></head>' +
      '<body onload="go()"><script src="https://cdn.example/x.js"></script></body></html>';
    const html = artifactDocument({ kind: "html", code });
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    const doc = parse(html);
    expect(doc.compatMode).toBe("CSS1Compat");
    expect(doc.documentElement.lang).toBe("fr");
    expect(doc.title).toBe("Clock");
    const [ours, theirs] = cspMetas(doc);
    expect(ours?.getAttribute("content")).toBe(ARTIFACT_CSP);
    // Ours is the first policy and sits before the first script in document order.
    const firstScript = doc.querySelector("script") as Element;
    expect(ours?.compareDocumentPosition(firstScript)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(theirs?.getAttribute("content")).toBe("default-src *");
  });

  it("wraps a fragment that starts with a script behind the same policy", () => {
    const html = artifactDocument({ kind: "html", code: "<script>document.title='x'</script><p>hi</p>" });
    expect(
      html.startsWith('<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'),
    ).toBe(true);
    const doc = parse(html);
    expect(cspMetas(doc)).toHaveLength(1);
    expect(doc.head.contains(doc.querySelector("script"))).toBe(true);
    expect(doc.body.querySelector("p")?.textContent).toBe("hi");
  });

  it("centres an SVG in its own page and drops an XML declaration", () => {
    const html = artifactDocument({
      kind: "svg",
      code: '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
    });
    expect(html).not.toContain("<?xml");
    const doc = parse(html);
    expect(cspMetas(doc)[0]?.getAttribute("content")).toBe(ARTIFACT_CSP);
    expect(doc.body.firstElementChild?.tagName.toLowerCase()).toBe("svg");
  });
});

describe("extractArtifacts", () => {
  it("finds html, svg (also as xml) and mermaid blocks, wherever Markdown puts a code block", () => {
    const text = [
      "Here:",
      fence("html", "<p>a</p>", "clock.html"),
      "- item\n\n  ```svg\n  <svg></svg>\n  ```",
      "> ```mermaid\n> graph TD; A-->B\n> ```",
      fence("xml", '<?xml version="1.0"?><svg viewBox="0 0 1 1"/>'),
      fence("xml", "<note/>"),
      fence("jsx", "export default () => <div/>"),
      fence("ts", "const x = 1"),
      fence("html", "   "),
    ].join("\n\n");
    const found = extractArtifacts(text);
    expect(found.map((a) => [a.kind, a.lang, a.index, a.complete])).toEqual([
      ["html", "html", 0, true],
      ["svg", "svg", 1, true],
      ["mermaid", "mermaid", 2, true],
      ["svg", "xml", 3, true],
    ]);
    expect(found[0]?.meta).toBe("clock.html");
    expect(found[1]?.code).toBe("<svg></svg>");
    expect(extractArtifacts("no fences <html></html>")).toEqual([]);
  });

  it("marks the block a streaming reply is still writing as incomplete", () => {
    const [done, open] = extractArtifacts(`${fence("html", "<p>1</p>")}\n\n\`\`\`html\n<p>2`);
    expect(done?.complete).toBe(true);
    expect(open).toMatchObject({ complete: false, code: "<p>2" });
    expect(extractArtifacts("````html\n<p>x</p>\n```\nstill open")[0]?.complete).toBe(false);
  });
});

const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n<style>button { color: red; }</style>\n</head>\n<body>\n${body}\n</body>\n</html>`;
const counter = (color: string) =>
  `<button id="inc">Add one</button>\n<span id="count">0</span>\n<script>\nlet n = 0;\ndocument.getElementById("inc").onclick = () => { n += 1; document.getElementById("count").textContent = n; };\ndocument.body.style.background = "${color}";\n</script>`;
const todo = `<input id="task" placeholder="New task">\n<ul id="list"></ul>\n<script>\nconst list = document.getElementById("list");\nfunction addTask(text) { const li = document.createElement("li"); li.textContent = text; list.append(li); }\n</script>`;
const msg = (id: string, role: string, text: string) => ({ id, role, text });

describe("versions of an artifact", () => {
  it("follows one artifact through its revisions, and tells a different one apart", () => {
    const unnamed = (body: string) => body;
    const thread = [
      msg("u1", "user", "make a counter"),
      msg("a1", "assistant", fence("html", unnamed(counter("white")))),
      msg("u2", "user", "blue background"),
      msg("a2", "assistant", `Sure:\n\n${fence("html", unnamed(counter("blue")))}`),
      msg("u3", "user", "now a todo list"),
      msg("a3", "assistant", fence("html", unnamed(todo))),
      msg("a4", "assistant", fence("html", unnamed(counter("green")))),
    ];
    expect(similarity(counter("white"), counter("blue"))).toBeGreaterThan(0.8);
    expect(similarity(counter("white"), todo)).toBeLessThan(0.3);
    const groups = groupArtifacts(thread);
    expect(groups.map((g) => g.versions.map((v) => v.messageId))).toEqual([["a1", "a2", "a4"], ["a3"]]);
    expect(groups[0]?.id).toBe("a1:0");
    expect(versionsOf(groups, "a2", 0)?.position).toBe(1);
    expect(versionsOf(groups, "a3", 0)?.group.id).toBe("a3:0");
    expect(versionsOf(groups, "a9", 0)).toBeUndefined();
  });

  it("joins blocks with the same name however much they changed, and never two blocks of one message", () => {
    const thread = [
      msg(
        "a1",
        "assistant",
        `${fence("html", page("Clock", counter("red")))}\n\n${fence("html", page("Clock", counter("red")))}`,
      ),
      msg("a2", "assistant", fence("html", page("clock", todo))),
      msg("a3", "assistant", fence("svg", "<svg><title>Clock</title></svg>")),
      msg("u1", "user", fence("html", page("Clock", todo))),
    ];
    const groups = groupArtifacts(thread);
    expect(groups.map((g) => [g.kind, g.name, g.versions.map((v) => `${v.messageId}:${v.artifact.index}`)])).toEqual([
      ["html", "clock", ["a1:0"]],
      // Two of a name in one message: a later revision continues the most recent one.
      ["html", "clock", ["a1:1", "a2:0"]],
      ["svg", "clock", ["a3:0"]],
    ]);
  });
});

describe("download", () => {
  it("names the file after the artifact, safely, with its version", () => {
    expect(artifactFileName({ kind: "html", code: "<p/>", meta: "clock.html" })).toBe("clock.html");
    expect(artifactFileName({ kind: "html", code: page('A/B: "x"', ""), meta: "" }, 3)).toBe("A-B- -x- (v3).html");
    expect(artifactFileName({ kind: "svg", code: "<svg/>", meta: 'title="Logo"' })).toBe("Logo.svg");
    expect(artifactFileName({ kind: "mermaid", code: "graph TD", meta: "" })).toBe("artifact.mmd");
    expect(artifactMimeType("svg")).toBe("image/svg+xml");
    expect(artifactMimeType("html")).toBe("text/html;charset=utf-8");
  });
});
