// What a ```mermaid fence in model output may make the browser do. A diagram is drawn in the live
// page (mermaid measures text there), so anything that could fetch — an HTML label with <img>, a
// `style … fill:url(…)`, CSS from an init directive or front matter — has to be refused before
// mermaid sees the source; its output is then sanitized again before it is shown, and the page's
// CSP allows no remote image behind both (lib/security/headers.ts).
//
// Size is bounded too: layout is one synchronous task that grows with the diagram, so a reply
// holding many large diagrams used to freeze the page. Past the caps the source is shown instead.

/** Non-empty lines (about one node or edge each) a diagram may have to be drawn. */
export const MERMAID_MAX_LINES = 150;
/** Characters a diagram may have to be drawn. */
const MERMAID_MAX_CHARS = 6000;

type MermaidCheck = { ok: true } | { ok: false; reason: "too_large"; lines: number } | { ok: false; reason: "unsafe" };

// Config that can style, load or re-enable HTML: mermaid's own sanitizer lets `url(…)` through.
const RISKY_CONFIG = /css|font|url|style|html|secur|purify|import|@|\\/i;
// Anything that names a resource: CSS functions that fetch, escapes that could spell them, and
// tags or attributes that load something if a diagram type renders labels as HTML.
const RISKY_SOURCE = [
  /\burl\s*\(/i,
  /image-set\s*\(/i,
  /@import/i,
  /expression\s*\(/i,
  /<\s*\/?\s*(img|image|svg|iframe|object|embed|link|style|video|audio|source|picture|input|foreignobject|use|feimage|script|meta|base|form|a)\b/i,
  /\b(src|srcset|href|xlink:href|background|poster)\s*=/i,
];
// Style statements may only hold plain values: a backslash could be a CSS escape of `url`.
const STYLE_STATEMENT = /^\s*(style|classDef|linkStyle|cssClass)\b.*\\/im;

function directives(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/%%\s*\{([\s\S]*?)\}\s*%%/g)) found.push(m[1] ?? "");
  // An unterminated directive is refused as a whole.
  if (/%%\s*\{/.test(code.replace(/%%\s*\{[\s\S]*?\}\s*%%/g, ""))) found.push("@");
  const front = /^\s*---\s*\n([\s\S]*?)\n\s*---/.exec(code);
  if (front) found.push(front[1] ?? "");
  return found;
}

/** Whether a diagram may be handed to mermaid, and why not. */
export function checkMermaidSource(code: string): MermaidCheck {
  let lines = 0;
  for (const line of code.split("\n")) if (line.trim()) lines++;
  if (lines > MERMAID_MAX_LINES || code.length > MERMAID_MAX_CHARS) return { ok: false, reason: "too_large", lines };
  if (directives(code).some((d) => RISKY_CONFIG.test(d))) return { ok: false, reason: "unsafe" };
  if (RISKY_SOURCE.some((re) => re.test(code)) || STYLE_STATEMENT.test(code)) return { ok: false, reason: "unsafe" };
  return { ok: true };
}

/** mermaid.initialize options: no HTML labels, and nothing a directive may switch back. */
export function mermaidConfig(dark: boolean) {
  return {
    startOnLoad: false,
    // strict: labels are sanitized by DOMPurify, click bindings and scripts are disabled.
    securityLevel: "strict" as const,
    suppressErrorRendering: true,
    theme: dark ? ("dark" as const) : ("default" as const),
    // Labels as SVG text: an HTML label lives in a foreignObject, where <img> would load.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    maxTextSize: MERMAID_MAX_CHARS,
    maxEdges: MERMAID_MAX_LINES,
    // Keys a diagram's own directives or front matter may not change.
    secure: [
      "secure",
      "securityLevel",
      "startOnLoad",
      "maxTextSize",
      "maxEdges",
      "suppressErrorRendering",
      "htmlLabels",
      "flowchart",
      "themeCSS",
      "themeVariables",
      "fontFamily",
      "altFontFamily",
      "dompurifyConfig",
      "darkMode",
    ],
    dompurifyConfig: {
      FORBID_TAGS: ["img", "image", "svg", "foreignObject", "iframe", "object", "embed", "video", "audio", "source"],
      FORBID_ATTR: ["style", "src", "srcset", "href", "xlink:href", "background", "poster"],
    },
  };
}

// ---- The SVG mermaid produced, cleaned before it is shown ----

const DROP_ELEMENTS = new Set([
  "script",
  "foreignobject",
  "image",
  "img",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "source",
  "picture",
  "link",
  "meta",
  "base",
  "feimage",
  "animate",
  "animatemotion",
  "animatetransform",
  "set",
  "discard",
  "handler",
  "listener",
]);
const DROP_ATTRIBUTES = new Set(["src", "srcset", "background", "poster", "formaction", "action", "ping"]);

/** True when CSS text (a style attribute or element) could fetch or hide something that does. */
export function riskyCss(css: string): boolean {
  if (/\\|@import|image-set\s*\(|expression\s*\(|@font-face/i.test(css)) return true;
  // url(#id) points into the diagram itself (arrow markers); any other url() is a request.
  for (const m of css.matchAll(/url\s*\(\s*(['"]?)\s*([^'")\s]*)/gi)) if (!(m[2] ?? "").startsWith("#")) return true;
  return false;
}

/**
 * The SVG without anything that runs, links or loads: no foreign or media elements, no event
 * handlers, no references outside the document (`href` only to `#id`), no `url(…)` but `url(#id)`.
 * Returns "" when the text is not an SVG document.
 */
export function sanitizeSvg(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  if (root?.localName !== "svg" || doc.getElementsByTagName("parsererror").length > 0) return "";
  for (const el of [root, ...Array.from(root.getElementsByTagName("*"))]) {
    if (!el.isConnected && el !== root) continue;
    const name = el.localName.toLowerCase();
    if (DROP_ELEMENTS.has(name)) {
      el.remove();
      continue;
    }
    if (name === "a") {
      // A link keeps its drawing but stops being a link.
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    if (name === "style") {
      if (riskyCss(el.textContent ?? "")) el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const n = attr.name.toLowerCase();
      const local = attr.localName.toLowerCase();
      const value = attr.value;
      const drop =
        n.startsWith("on") ||
        DROP_ATTRIBUTES.has(local) ||
        (local === "href" && !value.trim().startsWith("#")) ||
        riskyCss(value);
      if (drop) el.removeAttributeNode(attr);
    }
  }
  return new XMLSerializer().serializeToString(root);
}
