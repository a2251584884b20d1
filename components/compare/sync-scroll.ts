"use client";

import { createRef, type RefObject, useMemo, useRef } from "react";

/**
 * Scrolling one column scrolls the others to the same place (by proportion, since replies differ in
 * length), unless the user turned it off. Scrolls it causes itself are not passed on again.
 */
export function useSyncScroll(count: number, enabled: boolean) {
  const refs = useMemo(
    () => Array.from({ length: count }, () => createRef<HTMLDivElement>()) as RefObject<HTMLDivElement>[],
    [count],
  );
  const containerRef = useRef<HTMLDivElement>(null);
  const echoes = useRef(new Set<HTMLElement>());

  const onScroll = (index: number) => {
    const source = refs[index]?.current;
    if (!source) return;
    if (echoes.current.delete(source)) return;
    if (!enabled) return;
    const range = source.scrollHeight - source.clientHeight;
    const ratio = range > 0 ? source.scrollTop / range : 0;
    refs.forEach((ref, i) => {
      const el = ref.current;
      if (i === index || !el) return;
      const top = Math.round(ratio * (el.scrollHeight - el.clientHeight));
      if (Math.abs(el.scrollTop - top) < 1) return;
      echoes.current.add(el);
      el.scrollTop = top;
    });
  };

  /** Phone: brings column `index` into view in the swiped row. */
  const reveal = (index: number) => {
    refs[index]?.current?.closest("section")?.scrollIntoView({ behavior: "smooth", inline: "start", block: "nearest" });
  };

  return { refs, containerRef, onScroll, reveal };
}
