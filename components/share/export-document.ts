import katex from "katex";
import type { Definition, List, Nodes, Parents, Root, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";
import { flattenDeep } from "@/components/chat/markdown/flatten";
import type { Token } from "@/components/chat/markdown/highlight-types";
import { tameMarkdown } from "@/components/chat/markdown/tame";
import { splitCitations } from "@/lib/search/citations";
import { siteOf, type WebSearchSource } from "@/lib/search/sources";

// "Export as HTML": one conversation as one self-contained file. Pure (no DOM, no IndexedDB): the
// caller hands in the messages, the embedded images and the highlighted code. The file must be safe
// to open from disk and show everything offline:
// - no script at all, and a CSP that forbids any (default-src 'none'), so nothing in it can run;
// - nothing is fetched: styles inline, images only as data: URLs of raster types the caller embedded,
//   math as MathML (the browser draws it without KaTeX's fonts); a remote image in a reply becomes a
//   note naming its host, as the chat shows it before a click;
// - model text reaches the file only escaped: raw HTML in a reply is printed as text, links are http(s)
//   or mailto only, and open in a new tab without a referrer.

export interface ExportMessage {
  role: "user" | "assistant" | "system";
  text: string;
  /** Reasoning blocks, in order; exported collapsed. */
  reasoning: readonly string[];
  sources: readonly WebSearchSource[];
  /** data: URLs of embedded images (raster only; anything else is dropped here). */
  images: readonly { url: string; name: string }[];
  model?: string;
}

interface ExportStrings {
  you: string;
  assistant: string;
  reasoning: string;
  sources: string;
  footer: string;
  /** `{host}` is replaced. */
  imageOmitted: string;
}

export interface ExportInput {
  title: string;
  lang: string;
  messages: readonly ExportMessage[];
  strings: ExportStrings;
  /** Highlighted tokens for a code block, when the caller has them. */
  tokens?: (code: string, lang: string) => Token[][] | null | undefined;
}

export const EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const options = {
  extensions: [gfm(), math()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
};

const RASTER = /^data:image\/(?:png|jpeg|webp|gif|avif);base64,[A-Za-z0-9+/=]+$/;
const LINK = new Set(["http:", "https:", "mailto:"]);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return LINK.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function hostOf(raw: string): string {
  try {
    return new URL(raw.trim()).host || "?";
  } catch {
    return "?";
  }
}

function external(href: string, inner: string, title?: string): string {
  const t = title ? ` title="${escapeHtml(title)}"` : "";
  return `<a href="${escapeHtml(href)}"${t} target="_blank" rel="noopener noreferrer nofollow">${inner}</a>`;
}

function mathHtml(tex: string, display: boolean): string {
  try {
    // MathML only: KaTeX's HTML output needs its stylesheet and fonts, which a file opened offline
    // would have to embed. trust:false keeps \href and \html* inert, as in the chat.
    return katex.renderToString(tex, {
      displayMode: display,
      output: "mathml",
      throwOnError: false,
      trust: false,
      strict: "ignore",
      maxSize: 50,
      maxExpand: 500,
    });
  } catch {
    return `<code>${escapeHtml(tex)}</code>`;
  }
}

interface Ctx {
  definitions: Map<string, Definition>;
  sources: readonly WebSearchSource[];
  input: ExportInput;
}

function kids(node: Parents, ctx: Ctx): string {
  let out = "";
  for (const child of node.children) out += render(child as Nodes, ctx);
  return out;
}

function textRun(text: string, ctx: Ctx): string {
  if (ctx.sources.length === 0) return escapeHtml(text);
  let out = "";
  for (const segment of splitCitations(text, ctx.sources)) {
    if (segment.type === "text") {
      out += escapeHtml(segment.text);
      continue;
    }
    out += '<sup class="cite">';
    for (const ref of segment.refs) {
      out += ref.source ? external(ref.source.url, `[${ref.n}]`, ref.source.title) : `[${ref.n}]`;
    }
    out += "</sup>";
  }
  return out;
}

function codeBlock(code: string, lang: string, ctx: Ctx): string {
  const language = lang.split(/\s/)[0]?.toLowerCase() ?? "";
  const tokens = language ? ctx.input.tokens?.(code, language) : undefined;
  let body: string;
  if (tokens) {
    body = tokens
      .map((line) =>
        line
          .map(([text, light, dark, font]) => {
            const style: string[] = [];
            if (/^#[0-9a-f]{3,8}$/i.test(light)) style.push(`--l:${light}`);
            if (/^#[0-9a-f]{3,8}$/i.test(dark)) style.push(`--d:${dark}`);
            if (font & 1) style.push("font-style:italic");
            if (font & 2) style.push("font-weight:600");
            return style.length ? `<span style="${style.join(";")}">${escapeHtml(text)}</span>` : escapeHtml(text);
          })
          .join(""),
      )
      .join("\n");
  } else body = escapeHtml(code);
  const label = language ? `<div class="lang">${escapeHtml(language)}</div>` : "";
  return `<div class="code">${label}<pre><code${tokens ? ' class="hl"' : ""}>${body}</code></pre></div>`;
}

function list(node: List, ctx: Ctx): string {
  const tag = node.ordered ? "ol" : "ul";
  const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${Number(node.start)}"` : "";
  const items = node.children
    .map((item) => {
      const box =
        typeof item.checked === "boolean" ? `<input type="checkbox" disabled${item.checked ? " checked" : ""}> ` : "";
      return `<li>${box}${kids(item, ctx)}</li>`;
    })
    .join("");
  return `<${tag}${start}>${items}</${tag}>`;
}

function table(node: Table, ctx: Ctx): string {
  const [head, ...body] = node.children;
  const align = (i: number) => {
    const a = node.align?.[i];
    return a ? ` style="text-align:${a}"` : "";
  };
  const row = (cells: Parents[], tag: string) =>
    `<tr>${cells.map((c, i) => `<${tag}${align(i)}>${kids(c, ctx)}</${tag}>`).join("")}</tr>`;
  return (
    `<div class="table"><table>${head ? `<thead>${row(head.children, "th")}</thead>` : ""}` +
    `<tbody>${body.map((r) => row(r.children, "td")).join("")}</tbody></table></div>`
  );
}

function image(url: string, alt: string, ctx: Ctx): string {
  const note = ctx.input.strings.imageOmitted.replace("{host}", hostOf(url));
  return `<span class="note">${escapeHtml(note)}${alt ? ` ${escapeHtml(alt)}` : ""}</span>`;
}

function render(node: Nodes, ctx: Ctx): string {
  switch (node.type) {
    case "root":
      return kids(node, ctx);
    case "text":
      return textRun(node.value, ctx);
    case "html":
      // Raw HTML from a model is text, never markup.
      return `<span class="raw">${escapeHtml(node.value)}</span>`;
    case "paragraph":
      return `<p>${kids(node, ctx)}</p>`;
    case "heading": {
      // h1 is the conversation's title.
      const level = Math.min(node.depth + 1, 6);
      return `<h${level}>${kids(node, ctx)}</h${level}>`;
    }
    case "thematicBreak":
      return "<hr>";
    case "blockquote":
      return `<blockquote>${kids(node, ctx)}</blockquote>`;
    case "list":
      return list(node, ctx);
    case "listItem":
      return `<li>${kids(node, ctx)}</li>`;
    case "table":
      return table(node, ctx);
    case "code":
      if (node.lang?.toLowerCase() === "math") return `<div class="math">${mathHtml(node.value, true)}</div>`;
      return codeBlock(node.value, node.lang ?? "", ctx);
    case "math":
      return `<div class="math">${mathHtml(node.value, true)}</div>`;
    case "inlineMath":
      return mathHtml(node.value, false);
    case "inlineCode":
      return `<code>${escapeHtml(node.value)}</code>`;
    case "emphasis":
      return `<em>${kids(node, ctx)}</em>`;
    case "strong":
      return `<strong>${kids(node, ctx)}</strong>`;
    case "delete":
      return `<del>${kids(node, ctx)}</del>`;
    case "break":
      return "<br>";
    case "link": {
      const href = safeHref(node.url);
      return href ? external(href, kids(node, ctx), node.title ?? undefined) : `<span>${kids(node, ctx)}</span>`;
    }
    case "linkReference": {
      const def = ctx.definitions.get(node.identifier);
      const href = def ? safeHref(def.url) : null;
      return href ? external(href, kids(node, ctx)) : `<span>${kids(node, ctx)}</span>`;
    }
    case "image":
      return image(node.url, node.alt ?? "", ctx);
    case "imageReference":
      return image(ctx.definitions.get(node.identifier)?.url ?? "", node.alt ?? "", ctx);
    case "footnoteReference":
      return `<sup>[${escapeHtml(node.label ?? node.identifier)}]</sup>`;
    case "footnoteDefinition":
      return `<div class="footnote"><sup>[${escapeHtml(node.label ?? node.identifier)}]</sup> ${kids(node, ctx)}</div>`;
    case "definition":
      return "";
    default:
      return "children" in node ? kids(node as Parents, ctx) : "";
  }
}

/** One message's Markdown as HTML (escaped, bounded like the chat's renderer). */
function markdownToHtml(text: string, input: ExportInput, sources: readonly WebSearchSource[] = []): string {
  const root: Root = flattenDeep(fromMarkdown(tameMarkdown(text), options));
  const definitions = new Map<string, Definition>();
  for (const node of root.children) {
    if (node.type === "definition" && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  }
  return render(root, { definitions, sources, input });
}

function sourcesHtml(sources: readonly WebSearchSource[], heading: string): string {
  if (sources.length === 0) return "";
  const items = sources
    .map((s) => {
      const meta = [siteOf(s), s.date].filter(Boolean).join(" · ");
      return `<li value="${s.n}">${external(s.url, escapeHtml(s.title))}${meta ? ` <span class="meta">${escapeHtml(meta)}</span>` : ""}</li>`;
    })
    .join("");
  return `<section class="sources"><h3>${escapeHtml(heading)}</h3><ol>${items}</ol></section>`;
}

function messageHtml(m: ExportMessage, input: ExportInput): string {
  const { strings } = input;
  const who = m.role === "user" ? strings.you : strings.assistant;
  const model = m.model ? ` <span class="meta">${escapeHtml(m.model)}</span>` : "";
  const reasoning = m.reasoning.filter((r) => r.trim());
  const thinking =
    reasoning.length > 0
      ? `<details class="reasoning"><summary>${escapeHtml(strings.reasoning)}</summary>${reasoning
          .map((r) => markdownToHtml(r, input))
          .join("<hr>")}</details>`
      : "";
  const images = m.images
    .filter((img) => RASTER.test(img.url))
    .map((img) => `<img src="${img.url}" alt="${escapeHtml(img.name)}">`)
    .join("");
  return (
    `<article class="msg ${m.role === "user" ? "user" : "assistant"}"><header>${escapeHtml(who)}${model}</header>` +
    `${thinking}${images ? `<div class="images">${images}</div>` : ""}` +
    `<div class="body">${markdownToHtml(m.text, input, m.sources)}</div>${sourcesHtml(m.sources, strings.sources)}</article>`
  );
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#18181b;--muted:#71717a;--line:#e4e4e7;--soft:#f4f4f5;--accent:#6d28d9}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--fg:#f4f4f5;--muted:#a1a1aa;--line:#27272a;--soft:#18181b;--accent:#c4b5fd}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.7 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif}
main{max-width:48rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.5rem;margin:0 0 1.5rem}
.msg{margin:0 0 1.75rem}.msg>header{font-size:.75rem;font-weight:600;color:var(--muted);margin-bottom:.25rem}
.msg.user .body{background:var(--soft);border-radius:1rem;padding:.5rem 1rem;white-space:normal}
.meta{font-weight:400;color:var(--muted);font-size:.8em}
a{color:var(--accent)}p{margin:.75rem 0}blockquote{margin:.75rem 0;padding-left:1rem;border-left:4px solid var(--line);color:var(--muted)}
code{font:0.875em/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);border-radius:4px;padding:.1em .3em}
.code{border:1px solid var(--line);border-radius:.5rem;margin:1rem 0;overflow:hidden;background:var(--soft)}
.code .lang{font:12px ui-monospace,monospace;color:var(--muted);padding:.25rem .75rem;border-bottom:1px solid var(--line)}
.code pre{margin:0;padding:.75rem;overflow-x:auto}.code code{background:none;padding:0;font-size:13px}
.hl span{color:var(--l,inherit)}@media (prefers-color-scheme:dark){.hl span{color:var(--d,inherit)}}
.table{overflow-x:auto;margin:1rem 0}table{border-collapse:collapse;font-size:.875rem}th,td{border:1px solid var(--line);padding:.4rem .7rem;text-align:left}
.math{overflow-x:auto;margin:.75rem 0;text-align:center}
.reasoning{border:1px solid var(--line);border-radius:.5rem;padding:.25rem .75rem;margin:.5rem 0;color:var(--muted);font-size:.9em}
.reasoning summary{cursor:pointer;font-weight:600}
.images img{max-width:16rem;max-height:16rem;border-radius:.5rem;margin:.25rem .5rem .25rem 0}
.sources{margin-top:.75rem;font-size:.875rem}.sources h3{font-size:.75rem;text-transform:uppercase;color:var(--muted);margin:0 0 .25rem}
.sources ol{margin:0;padding-left:1.5rem}.cite a{text-decoration:none;font-size:.8em}
.raw{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.875em}.note{color:var(--muted);font-size:.875em}
footer{border-top:1px solid var(--line);margin-top:2rem;padding-top:1rem;color:var(--muted);font-size:.8rem}
`
  .replace(/\n/g, "")
  .trim();

/** The whole file. */
export function conversationHtml(input: ExportInput): string {
  const body = input.messages.map((m) => messageHtml(m, input)).join("");
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(input.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(input.title)}</h1>${body}<footer>${escapeHtml(input.strings.footer)}</footer></main></body></html>`
  );
}

/** Code blocks of a message (fence language, code), so the caller can highlight them before exporting. */
export function codeBlocksOf(text: string): { code: string; lang: string }[] {
  if (!text.includes("```") && !text.includes("~~~")) return [];
  const out: { code: string; lang: string }[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "code" && node.lang && !/^(math|mermaid)$/i.test(node.lang)) {
      out.push({ code: node.value, lang: node.lang.split(/\s/)[0]!.toLowerCase() });
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(flattenDeep(fromMarkdown(tameMarkdown(text), options)));
  return out;
}
