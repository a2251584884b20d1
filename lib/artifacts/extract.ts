import type { Code, Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";

// The artifacts of a reply: its fenced code blocks that can be previewed. Parsed with the same
// micromark + mdast setup as the chat renderer, so a block is an artifact exactly when it renders as
// a code block (a fence inside a list or a quote counts; a fence inside an HTML comment does not).
// Pure and browser-safe.
//
// jsx/tsx are not artifacts: a preview would need a transpiler and React inlined into every frame,
// and a model's components import packages (UI kits, icon sets, Tailwind) that an offline frame
// cannot load, so most would not run. They stay code blocks.

export type ArtifactKind = "html" | "svg" | "mermaid";

export interface Artifact {
  kind: ArtifactKind;
  code: string;
  /** The fence's language word as written (`html`, `SVG`, `xml` …). */
  lang: string;
  /** What follows the language word in the fence line (a file name, `title="…"`). */
  meta: string;
  /** Position among the message's artifacts (0-based): with the message id, an artifact's address. */
  index: number;
  /** The closing fence has arrived (a streaming reply's last block may still be open). */
  complete: boolean;
}

const options = {
  extensions: [gfm(), math()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
};

export function artifactKind(lang: string, code: string): ArtifactKind | null {
  const l = lang.trim().toLowerCase();
  if (l === "html" || l === "htm" || l === "xhtml") return "html";
  if (l === "svg") return "svg";
  if (l === "xml" && /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(code)) return "svg";
  if (l === "mermaid") return "mermaid";
  return null;
}

function closed(text: string, node: Code): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  const lines = text.slice(start, end).split("\n");
  const open = /^[ \t>]*(`{3,}|~{3,})/.exec(lines[0] ?? "")?.[1];
  if (!open || lines.length < 2) return false;
  const last = (lines.at(-1) ?? "").replace(/^[ \t>]*/, "").trimEnd();
  return last.length >= open.length && [...last].every((ch) => ch === open[0]);
}

function walk(node: Nodes, visit: (code: Code) => void): void {
  if (node.type === "code") visit(node);
  if ("children" in node) for (const child of node.children) walk(child as Nodes, visit);
}

/** The previewable code blocks of a message's text, in order. */
export function extractArtifacts(text: string): Artifact[] {
  if (!text.includes("```") && !text.includes("~~~")) return [];
  const tree: Root = fromMarkdown(text, options);
  const out: Artifact[] = [];
  walk(tree, (node) => {
    const lang = node.lang ?? "";
    const kind = artifactKind(lang, node.value);
    if (!kind || node.value.trim() === "") return;
    out.push({ kind, code: node.value, lang, meta: node.meta ?? "", index: out.length, complete: closed(text, node) });
  });
  return out;
}
