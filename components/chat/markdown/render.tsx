import type { Definition, List, ListItem, Nodes, Parents, Root, Table } from "mdast";
import type { ReactNode } from "react";
import { CitedText } from "@/components/search/cited-text";
import type { WebSearchSource } from "@/lib/search/sources";
import { CodeBlock } from "./code-block";
import { SafeImage, SafeLink } from "./inline";
import { MathView } from "./math";
import { MermaidBlock } from "./mermaid-block";

// mdast → React, by hand. There is no HTML string and no generic "props from the tree" step: every
// attribute below is chosen here, so model text reaches the DOM only as text nodes, a vetted href
// (inline.tsx) or a code/math value handed to a renderer. Raw HTML nodes are printed as text.

interface RenderContext {
  /** The block is complete: run the expensive renderers (highlighting, math blocks, mermaid). */
  final: boolean;
  definitions: Map<string, Definition>;
  /** The reply's web search sources: citation markers in its text become links (components/search). */
  sources?: readonly WebSearchSource[];
}

const heading = [
  "mt-6 mb-3 text-2xl font-semibold tracking-tight",
  "mt-6 mb-3 text-xl font-semibold tracking-tight",
  "mt-5 mb-2 text-lg font-semibold",
  "mt-4 mb-2 text-base font-semibold",
  "mt-4 mb-2 text-sm font-semibold",
  "mt-4 mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400",
] as const;

const cell = "border-zinc-200 border-b px-3 py-2 align-top dark:border-zinc-800";
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

function collectDefinitions(root: Root): Map<string, Definition> {
  const map = new Map<string, Definition>();
  for (const node of root.children) {
    if (node.type === "definition" && !map.has(node.identifier)) map.set(node.identifier, node);
  }
  return map;
}

// Containers whose children are blocks: raw HTML directly inside one is an HTML *block*.
const FLOW = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function children(node: Parents, ctx: RenderContext, tight = false): ReactNode[] {
  const flow = FLOW.has(node.type);
  return node.children.map((child, i) =>
    child.type === "html" ? renderHtml(child.value, flow, i) : renderNode(child as Nodes, ctx, i, tight),
  );
}

/** Raw HTML is shown literally, keeping its line breaks; it is never parsed into elements. */
function renderHtml(value: string, flow: boolean, key: number): ReactNode {
  return flow ? (
    <p key={key} className="my-3 whitespace-pre-wrap break-words font-mono text-[0.875em]">
      {value}
    </p>
  ) : (
    value
  );
}

function renderList(node: List, ctx: RenderContext, key: number): ReactNode {
  // A tight list renders its items' paragraphs inline, as in CommonMark's HTML output.
  const tight = !node.spread && node.children.every((item) => !item.spread);
  const items = node.children.map((item, i) => renderItem(item, ctx, i, tight));
  return node.ordered ? (
    <ol key={key} start={node.start ?? undefined} className="my-3 list-decimal space-y-1 pl-6 [&_ol]:my-1 [&_ul]:my-1">
      {items}
    </ol>
  ) : (
    <ul key={key} className="my-3 list-disc space-y-1 pl-6 [&_ol]:my-1 [&_ul]:my-1">
      {items}
    </ul>
  );
}

function renderItem(node: ListItem, ctx: RenderContext, key: number, tight: boolean): ReactNode {
  const task = typeof node.checked === "boolean";
  return (
    <li key={key} className={task ? "list-none pl-0 [&>p:first-of-type]:inline" : "pl-1"}>
      {task && (
        <input type="checkbox" checked={node.checked ?? false} disabled readOnly className="mr-2 -ml-5 align-middle" />
      )}
      {children(node, ctx, tight)}
    </li>
  );
}

function renderTable(node: Table, ctx: RenderContext, key: number): ReactNode {
  const [head, ...body] = node.children;
  const align = (i: number) => node.align?.[i] ?? undefined;
  return (
    <div key={key} className="my-4 max-w-full overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-collapse text-sm">
        {head && (
          <thead className="bg-zinc-50 dark:bg-zinc-900">
            <tr>
              {head.children.map((c, i) => (
                <th key={i} style={{ textAlign: align(i) }} className={`${cell} font-semibold`}>
                  {children(c, ctx)}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            <tr key={r} className="last:[&>td]:border-b-0">
              {row.children.map((c, i) => (
                <td key={i} style={{ textAlign: align(i) }} className={cell}>
                  {children(c, ctx)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function renderNode(node: Nodes, ctx: RenderContext, key: number, tight = false): ReactNode {
  switch (node.type) {
    case "root":
      return children(node, ctx);
    case "text":
      return ctx.sources ? (
        <CitedText key={key} text={node.value} sources={ctx.sources} final={ctx.final} />
      ) : (
        node.value
      );
    case "html":
      return renderHtml(node.value, false, key);
    case "paragraph":
      return tight ? (
        <span key={key}>{children(node, ctx)}</span>
      ) : (
        <p key={key} className="my-3">
          {children(node, ctx)}
        </p>
      );
    case "heading": {
      const Tag = HEADINGS[node.depth - 1]!;
      return (
        <Tag key={key} className={heading[node.depth - 1]}>
          {children(node, ctx)}
        </Tag>
      );
    }
    case "thematicBreak":
      return <hr key={key} className="my-6 border-zinc-200 dark:border-zinc-800" />;
    case "blockquote":
      return (
        <blockquote
          key={key}
          className="my-3 border-zinc-300 border-l-4 pl-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          {children(node, ctx)}
        </blockquote>
      );
    case "list":
      return renderList(node, ctx, key);
    case "listItem":
      return renderItem(node, ctx, key, tight);
    case "table":
      return renderTable(node, ctx, key);
    case "code":
      if (node.lang?.toLowerCase() === "math") return <MathView key={key} tex={node.value} display ready={ctx.final} />;
      return node.lang?.toLowerCase() === "mermaid" ? (
        <MermaidBlock key={key} code={node.value} final={ctx.final} />
      ) : (
        <CodeBlock key={key} code={node.value} lang={node.lang ?? ""} final={ctx.final} />
      );
    case "math":
      return <MathView key={key} tex={node.value} display ready={ctx.final} />;
    case "inlineMath":
      // An inline formula only exists once its closing `$` arrived, so it can render at once.
      return <MathView key={key} tex={node.value} display={false} ready />;
    case "inlineCode":
      return (
        <code key={key} className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.875em] dark:bg-zinc-800">
          {node.value}
        </code>
      );
    case "emphasis":
      return <em key={key}>{children(node, ctx)}</em>;
    case "strong":
      return (
        <strong key={key} className="font-semibold">
          {children(node, ctx)}
        </strong>
      );
    case "delete":
      return <del key={key}>{children(node, ctx)}</del>;
    case "break":
      return <br key={key} />;
    case "link":
      return (
        <SafeLink key={key} href={node.url} title={node.title}>
          {children(node, ctx)}
        </SafeLink>
      );
    case "linkReference": {
      const def = ctx.definitions.get(node.identifier);
      return (
        <SafeLink key={key} href={def?.url ?? ""} title={def?.title}>
          {children(node, ctx)}
        </SafeLink>
      );
    }
    case "image":
      return <SafeImage key={key} src={node.url} alt={node.alt ?? ""} title={node.title} />;
    case "imageReference": {
      const def = ctx.definitions.get(node.identifier);
      return <SafeImage key={key} src={def?.url ?? ""} alt={node.alt ?? ""} title={def?.title} />;
    }
    case "footnoteReference":
      return (
        <sup key={key} className="text-zinc-500">
          [{node.label ?? node.identifier}]
        </sup>
      );
    case "footnoteDefinition":
      return (
        <div key={key} className="my-2 flex gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <sup className="mt-2">[{node.label ?? node.identifier}]</sup>
          <div className="min-w-0 [&>p]:my-1">{children(node, ctx)}</div>
        </div>
      );
    case "definition":
      return null;
    default:
      return "children" in node ? children(node as Parents, ctx) : null;
  }
}

/** Renders a parsed block. */
export function renderTree(root: Root, final: boolean, sources?: readonly WebSearchSource[]): ReactNode {
  return children(root, { final, definitions: collectDefinitions(root), sources });
}
