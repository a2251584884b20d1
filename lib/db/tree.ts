// Message trees (pure). Regenerate adds a sibling assistant under the same user message; editing a
// user message adds a sibling user message under the same parent. The conversation's activeLeafId
// picks which branch is on screen; older versions stay reachable through the 1/2/… switcher.

import type { Message } from "./schema";

type TreeNode = Pick<Message, "id" | "parentId" | "createdAt">;

interface Tree<M extends TreeNode> {
  byId: Map<string, M>;
  /** Children per parent id ("" for roots), oldest first. */
  children: Map<string, M[]>;
}

// Rendering asks for siblings of every message; index each array once instead of scanning per call.
const cache = new WeakMap<readonly TreeNode[], Tree<TreeNode>>();

function byAge(a: TreeNode, b: TreeNode): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function tree<M extends TreeNode>(messages: readonly M[]): Tree<M> {
  const hit = cache.get(messages);
  if (hit) return hit as Tree<M>;
  const byId = new Map<string, M>();
  const children = new Map<string, M[]>();
  for (const m of messages) {
    byId.set(m.id, m);
    const key = m.parentId ?? "";
    const list = children.get(key);
    if (list) list.push(m);
    else children.set(key, [m]);
  }
  for (const list of children.values()) list.sort(byAge);
  const t = { byId, children };
  cache.set(messages, t as unknown as Tree<TreeNode>);
  return t;
}

/** The newest leaf below (or at) a message, following the newest child at each step. */
export function leafOf<M extends TreeNode>(messages: readonly M[], messageId: string): string | undefined {
  const t = tree(messages);
  let node = t.byId.get(messageId);
  const seen = new Set<string>();
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    const kids = t.children.get(node.id);
    const newest = kids?.[kids.length - 1];
    if (!newest) return node.id;
    node = newest;
  }
  return node?.id;
}

/** The leaf shown when nothing is chosen: the branch holding the most recently created message. */
export function defaultLeafId<M extends TreeNode>(messages: readonly M[]): string | undefined {
  let newest: M | undefined;
  for (const m of messages) if (!newest || byAge(m, newest) > 0) newest = m;
  return newest ? leafOf(messages, newest.id) : undefined;
}

/**
 * The messages on screen: root → `leafId`, continued down to the newest leaf if `leafId` is not a
 * leaf (so choosing an older sibling shows that branch's whole continuation). Falls back to the
 * default branch when `leafId` is missing or unknown.
 */
export function getThread<M extends TreeNode>(messages: readonly M[], leafId?: string | null): M[] {
  const t = tree(messages);
  const start = leafId && t.byId.has(leafId) ? leafOf(messages, leafId) : defaultLeafId(messages);
  const path: M[] = [];
  const seen = new Set<string>();
  let node = start ? t.byId.get(start) : undefined;
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    path.push(node);
    node = node.parentId ? t.byId.get(node.parentId) : undefined;
  }
  return path.reverse();
}

export interface SiblingInfo {
  /** 0-based position among the versions; show `index + 1` / `count`. */
  index: number;
  count: number;
  ids: string[];
}

export function siblings<M extends TreeNode>(messages: readonly M[], messageId: string): SiblingInfo {
  const t = tree(messages);
  const m = t.byId.get(messageId);
  if (!m) return { index: 0, count: 0, ids: [] };
  const ids = (t.children.get(m.parentId ?? "") ?? [m]).map((x) => x.id);
  return { index: Math.max(0, ids.indexOf(messageId)), count: ids.length, ids };
}

/** The leaf to make active when stepping `delta` versions from a message (clamped to the first / last version). */
export function siblingLeaf<M extends TreeNode>(
  messages: readonly M[],
  messageId: string,
  delta: number,
): string | undefined {
  const { index, count, ids } = siblings(messages, messageId);
  if (count === 0) return undefined;
  const target = ids[Math.min(count - 1, Math.max(0, index + delta))];
  return target ? leafOf(messages, target) : undefined;
}
