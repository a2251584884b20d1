"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useGalleryIds } from "@/lib/images/client/hooks";
import { SparkIcon } from "./icons";
import { ImageTile } from "./image-tile";

const GAP = 12;
const MIN_TILE = 168;

/**
 * Every stored image as a virtualized grid of rows over the window's scroll: only the rows near
 * the viewport exist in the DOM, and each tile reads its own row from IndexedDB, so a gallery of
 * thousands of images opens as fast as one of ten. The `fresh` ids (the pictures just made, newest
 * job first) lead the grid, each batch in the order it was made, and are marked; the rest follow
 * newest first. `showEmpty` says what the page is for while nothing is stored or running.
 */
export function Gallery({ fresh, showEmpty }: { fresh: readonly string[]; showEmpty: boolean }) {
  const t = useT();
  const ids = useGalleryIds();
  const gridRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);

  // Width decides the columns; the grid's distance from the page top is the virtualizer's margin,
  // and it moves whenever the results above grow or shrink, so watch the whole body.
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const measure = () => {
      setWidth(grid.clientWidth);
      setOffset(Math.round(grid.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(grid);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const freshSet = useMemo(() => new Set(fresh), [fresh]);
  const list = useMemo(() => {
    if (!ids) return [];
    const stored = new Set(ids);
    return [...fresh.filter((id) => stored.has(id)), ...ids.filter((id) => !freshSet.has(id))];
  }, [ids, fresh, freshSet]);
  const cols = width > 0 ? Math.max(2, Math.floor((width + GAP) / (MIN_TILE + GAP))) : 1;
  const tile = width > 0 ? (width - GAP * (cols - 1)) / cols : MIN_TILE;
  const rows = width > 0 ? Math.ceil(list.length / cols) : 0;

  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => tile + GAP,
    overscan: 3,
    scrollMargin: offset,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: cached row sizes are stale once the tile size changes.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, tile]);

  return (
    <section data-testid="gallery" aria-labelledby="gallery-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="gallery-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          {t("images.gallery")}
        </h2>
        {ids && ids.length > 0 && (
          <span data-testid="gallery-count" className="text-xs text-zinc-500 tabular-nums">
            {t("images.gallery.count", { n: ids.length })}
          </span>
        )}
      </div>
      {ids !== undefined && ids.length === 0 && showEmpty && (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <span className="mb-3 inline-flex size-10 items-center justify-center rounded-full bg-violet-100 text-violet-700 dark:bg-violet-900/50 dark:text-violet-200">
            <SparkIcon width={20} height={20} />
          </span>
          <p className="font-medium">{t("images.results.emptyTitle")}</p>
          <p className="mt-1 max-w-md text-sm text-zinc-500">{t("images.results.emptyBody")}</p>
        </div>
      )}
      <div ref={gridRef} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className="absolute top-0 left-0 grid w-full"
            style={{
              gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`,
              gap: GAP,
              height: tile,
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            {list.slice(row.index * cols, row.index * cols + cols).map((id) => (
              <ImageTile key={id} id={id} testId="gallery-item" fresh={freshSet.has(id)} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
