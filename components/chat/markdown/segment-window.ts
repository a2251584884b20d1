// Segment windowing for long finished replies: only the frozen segments near the view keep their
// rendered blocks; the others are empty boxes of the height they had when last laid out, so the
// reply's height (and so the thread virtualizer's measurement of its row, the scroll position and
// the scrollbar) does not change when a segment mounts or unmounts. `content-visibility: auto`
// alone skips layout and paint off screen but keeps every element: ten 100 KB replies left ~11,000
// DOM nodes in the tab.
//
// Trade-off: the browser's find-in-page does not see the text of an unmounted segment, as it does
// not see the messages the thread virtualizer has unmounted. The app's own search (which opens the
// message) covers the whole history; copy and export read the stored text, never the DOM.

import { scrollRoot, watchNear } from "./near-view";

/** A finished reply is windowed from this many full segments (~24 KB of prose) on: shorter ones render whole. */
export const WINDOW_FROM_SEGMENTS = 3;

/** Segments within this distance of the visible part of the thread stay mounted. */
const WINDOW_MARGIN_PX = 1000;

interface Span {
  top: number;
  bottom: number;
}

/** Whether a box lies within `margin` px of the view (edges touching count as near). */
export function isNear(box: Span, view: Span, margin: number): boolean {
  return box.bottom >= view.top - margin && box.top <= view.bottom + margin;
}

// A rough height for a segment the browser has not laid out yet (about 90 characters per 28px
// line, plus block margins); once laid out, its real height is kept.
export function estimateHeight(blocks: readonly string[]): number {
  let chars = 0;
  for (const b of blocks) chars += b.length;
  return Math.round((chars / 90) * 28 + blocks.length * 24);
}

// Heights last laid out, by segment (its first block and its index), so that a reply's row the
// virtualizer unmounts and mounts again comes back at the height it was measured at, not at an
// estimate that would move the thread. Bounded: the oldest entries go first.
const MAX_HEIGHTS = 2000;
const heights = new Map<string, number>();

export function heightKey(start: number, blocks: readonly string[]): string {
  return `${start}\u0000${blocks[0] ?? ""}`;
}

export function rememberHeight(key: string, height: number): void {
  if (!(height > 0)) return;
  heights.delete(key);
  heights.set(key, height);
  if (heights.size > MAX_HEIGHTS) heights.delete(heights.keys().next().value as string);
}

export function knownHeight(key: string): number | undefined {
  return heights.get(key);
}

/** Whether `el` is near the view now, measured synchronously (one layout), with its height. */
export function nearNow(el: Element): { near: boolean; height: number } {
  const box = el.getBoundingClientRect();
  const root = scrollRoot(el);
  const view = root ? root.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  return { near: isNear(box, view, WINDOW_MARGIN_PX), height: box.height };
}

/** Calls `listener` whenever `el` comes near the view or leaves it, with its height then. */
export function watchWindow(el: Element, listener: (near: boolean, height: number) => void): () => void {
  return watchNear(el, WINDOW_MARGIN_PX, listener);
}

/** Windowing needs IntersectionObserver; without it (tests in a DOM emulation) everything renders. */
export function canWindow(): boolean {
  return typeof IntersectionObserver !== "undefined";
}
