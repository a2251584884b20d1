// Work the tool flow must do once per call, whichever rendering of a reply notices it first: a reply
// row may be drawn by more than one component in its life (the stored row, then the live one), and
// each would otherwise run the built-in tools and send their results again. Never read during render.

const claimed = new Set<string>();

/** True the first time `key` is claimed in this page, false after. */
export function claimOnce(key: string): boolean {
  if (claimed.has(key)) return false;
  claimed.add(key);
  return true;
}
