import type { Nodes, Paragraph, Parents, Root, Text } from "mdast";

// The renderer and React both recurse once per level of the tree, so a tree as deep as the text
// allows (a `>` per level) overflowed the stack. Past MAX_DEPTH a subtree keeps its text and
// loses its structure: containers hold one paragraph, inline nodes one text node. Every walk here
// uses an explicit stack, so it works at any depth the parser produced.

/** Levels of nesting rendered as structure (a list and its item are one level). */
export const MAX_DEPTH = 32;

// A list item is the other half of its list's level.
const levelOf = (node: Nodes) => (node.type === "listItem" ? 0 : 1);

const FLOW = new Set(["blockquote", "listItem", "footnoteDefinition"]);
// Nodes whose children must be of a fixed kind: flattened, they become a paragraph instead.
const RIGID = new Set(["list", "table"]);

function hasChildren(node: Nodes): node is Parents {
  return "children" in node && Array.isArray(node.children);
}

/** All text under `node` (values of text-like leaves), in document order, without recursion. */
function textOf(node: Nodes): string {
  let out = "";
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (hasChildren(n)) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
      // Keep list items and paragraphs apart in the flattened text.
      if (n.type === "paragraph" || n.type === "listItem" || n.type === "tableCell") out += out ? " " : "";
    } else if ("value" in n && typeof n.value === "string") out += n.value;
    else if (n.type === "image" || n.type === "imageReference") out += n.alt ?? "";
  }
  return out;
}

const text = (value: string): Text => ({ type: "text", value });
const paragraph = (value: string): Paragraph => ({ type: "paragraph", children: [text(value)] });

/** Flattens `root` past `max` levels, in place (it is fresh from the parser), and returns it. */
export function flattenDeep(root: Root, max = MAX_DEPTH): Root {
  const stack: [Parents, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i] as Nodes;
      if (!hasChildren(child)) continue;
      const level = depth + levelOf(child);
      if (level < max) {
        stack.push([child, level]);
        continue;
      }
      const value = textOf(child);
      if (RIGID.has(child.type)) (node.children as Nodes[])[i] = paragraph(value);
      else if (child.type === "tableRow") child.children = [{ type: "tableCell", children: [text(value)] }];
      else if (FLOW.has(child.type)) (child as Parents).children = [paragraph(value)] as never;
      else (child as Parents).children = [text(value)] as never;
    }
  }
  return root;
}

/** Nesting levels of the deepest node as flattenDeep counts them (the root is 0), without recursion. */
export function treeDepth(root: Nodes): number {
  let max = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (hasChildren(node)) for (const c of node.children) stack.push([c as Nodes, depth + levelOf(c as Nodes)]);
  }
  return max;
}
