"use client";

import { memo, type ReactNode, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useCitationSources } from "@/components/search/citation-context";
import { parseBlock } from "./parse";
import { renderTree } from "./render";
import {
  canWindow,
  estimateHeight,
  heightKey,
  knownHeight,
  nearNow,
  rememberHeight,
  WINDOW_FROM_SEGMENTS,
  watchWindow,
} from "./segment-window";
import { createSplitter, SEGMENT, type Splitter } from "./split";

// Why not streamdown (the design note's suggestion): streamdown 2.7's core is ~160 KB gzip, most of
// it parse5 and rehype-raw for rendering raw HTML, which model output must never get, and it runs
// `remend` over the whole text on every update. micromark + this renderer is ~31 KB gzip.
//
// How a streamed reply renders in O(new text) per update:
// 1. split.ts cuts the text into top-level blocks, scanning only the lines added since last time;
// 2. finished blocks are grouped in frozen segments of SEGMENT blocks, so React skips whole groups
//    with one prop comparison, and each Block is memoized by its text;
// 3. only the tail block (the one still growing) is parsed and rendered again per update;
// 4. the update itself is deferred (useDeferredValue): React renders it in interruptible slices,
//    so mounting a long finished reply or a burst of tokens does not block input;
// 5. full segments get `content-visibility: auto`: the browser skips style, layout and paint of
//    the parts of a long reply that are off screen (measured: layout + paint time per streamed
//    100 KB reply fell ~6× in Chromium);
// 6. in a long finished reply, full segments far from the view are not mounted at all, only kept
//    at their last height (segment-window.ts), so the DOM holds what is near the view.

/** Test hook: called on every Block render, to prove finished blocks are not re-rendered. */
export const blockRenderProbe: { onRender: ((index: number, text: string) => void) | null } = { onRender: null };

interface BlockProps {
  text: string;
  index: number;
  final: boolean;
  defs: string;
}

const Block = memo(function Block({ text, index, final, defs }: BlockProps) {
  blockRenderProbe.onRender?.(index, text);
  const tree = useMemo(() => parseBlock(text, defs, final), [text, defs, final]);
  const sources = useCitationSources();
  return <>{renderTree(tree, final, sources.length > 0 ? sources : undefined)}</>;
});

interface SegmentProps {
  blocks: readonly string[];
  start: number;
  tail: string | null;
  tailFinal: boolean;
  defs: string;
  /** Mount the blocks only while the segment is near the view (full segments of a long finished reply). */
  windowed: boolean;
}

const Segment = memo(function Segment({ blocks, start, tail, tailFinal, defs, windowed }: SegmentProps) {
  const full = blocks.length === SEGMENT;
  const key = full ? heightKey(start, blocks) : "";
  const box = useRef<HTMLDivElement>(null);
  // A segment already on the page when windowing starts (the reply just finished) stays mounted
  // until it is measured; a fresh one starts as a box and mounts before the first paint if near.
  const [shown, setShown] = useState(!windowed);
  const height = useRef(0);
  if (full && height.current === 0) height.current = knownHeight(key) ?? estimateHeight(blocks);
  useLayoutEffect(() => {
    const el = box.current;
    if (!windowed || !el) {
      setShown(true);
      return;
    }
    // The height is read while the segment is still laid out as it was, so its box takes exactly
    // its place: the row's height does not change when the blocks leave or come back.
    const update = (near: boolean, h: number) => {
      if (h > 0) {
        height.current = h;
        rememberHeight(key, h);
      }
      setShown(near);
    };
    const now = nearNow(el);
    update(now.near, now.height);
    return watchWindow(el, update);
  }, [windowed, key]);

  if (!shown) return <div ref={box} data-segment="out" className="my-3" style={{ height: height.current }} />;
  // A full segment never changes again: `content-visibility: auto` lets the browser skip its
  // style, layout and paint while it is off screen, so a long reply costs little per frame.
  const style = full
    ? { contentVisibility: "auto" as const, containIntrinsicSize: `auto ${height.current}px` }
    : undefined;
  // The tail keeps the index it will have once finished, so it is never remounted. The wrapper is
  // there from the start for the same reason; containment stops margins collapsing through it, so
  // it carries the gap itself.
  return (
    <div ref={box} style={style} className="my-3 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">
      {blocks.map((text, i) => (
        <Block key={i} text={text} index={start + i} final defs={defs} />
      ))}
      {tail !== null && (
        <Block key={blocks.length} text={tail} index={start + blocks.length} final={tailFinal} defs={defs} />
      )}
    </div>
  );
});

// Small replies render in the first pass; long ones mount in deferred, sliced renders.
const SYNC_MOUNT_CHARS = 4000;

export const Markdown = memo(function Markdown({
  text,
  streaming = false,
  className,
}: {
  text: string;
  streaming?: boolean;
  className?: string;
}): React.JSX.Element {
  const deferred = useDeferredValue(text, text.length <= SYNC_MOUNT_CHARS ? text : "");
  const splitter = useRef<Splitter | null>(null);
  splitter.current ??= createSplitter();
  const split = useMemo(() => splitter.current!.split(deferred), [deferred]);
  // While the deferred text lags behind, its tail is not the final text even if streaming ended.
  const tailFinal = !streaming && deferred === text;

  const last = split.segments.length - 1;
  // Only a finished reply is windowed (the streaming one keeps today's rendering); the last
  // segment, never full, always renders.
  const windowed = tailFinal && last >= WINDOW_FROM_SEGMENTS && canWindow();
  const segments: ReactNode[] = split.segments.map((blocks, s) => (
    <Segment
      key={s}
      blocks={blocks}
      start={s * SEGMENT}
      tail={s === last ? split.tail : null}
      tailFinal={s === last ? tailFinal : true}
      defs={split.defs}
      windowed={windowed && s < last}
    />
  ));

  return (
    <div
      data-streaming={streaming || undefined}
      className={`min-w-0 break-words text-[15px] leading-7 [&>*:first-child]:mt-0 [&>*:last-child]:mb-0 ${className ?? ""}`}
    >
      {segments}
    </div>
  );
});
