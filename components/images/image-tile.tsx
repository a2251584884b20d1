"use client";

import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useImageRecord } from "@/lib/images/client/hooks";
import { useImageStore } from "@/lib/images/client/store";
import { useImageUrl } from "./hooks";
import { ImageActions } from "./image-actions";

/**
 * One stored image: the picture (click to open full size) with its actions on hover or focus
 * (on touch screens a tap opens the viewer, which has the same actions in words). Reads its own row, so a grid re-renders only what changed.
 */
export function ImageTile({
  id,
  testId,
  shape = "square",
  lazy = false,
  fresh = false,
}: {
  id: string;
  testId: string;
  /**
   * One of the images just made (this session's jobs, or the newest batch after a reload): marked
   * (`image-result`, a violet ring) inside the gallery instead of shown a second time elsewhere.
   */
  fresh?: boolean;
  /** "natural" keeps the image's own aspect ratio (results); "square" crops (gallery grid). */
  shape?: "square" | "natural";
  lazy?: boolean;
}) {
  const t = useT();
  const record = useImageRecord(id);
  const url = useImageUrl(record ?? undefined);
  const { view } = useImageStore.getState();
  const [broken, setBroken] = useState(false);
  if (record === null) return null;

  const natural = shape === "natural" && record?.width && record.height ? record : null;
  // A tall picture keeps its shape but never outgrows the screen.
  const style = natural
    ? {
        aspectRatio: `${natural.width} / ${natural.height}`,
        maxWidth: `calc(75vh * ${natural.width} / ${natural.height})`,
      }
    : { aspectRatio: "1 / 1" };
  return (
    <figure
      data-testid={testId}
      data-image-id={id}
      data-fresh={fresh || undefined}
      className="group relative overflow-hidden rounded-xl bg-zinc-100 ring-1 ring-zinc-200 data-fresh:ring-2 data-fresh:ring-violet-500 dark:bg-zinc-900 dark:ring-zinc-800 dark:data-fresh:ring-violet-400"
      style={style}
    >
      {record && url && !broken ? (
        <div data-testid={fresh ? "image-result" : undefined} className="size-full">
          <button
            type="button"
            onClick={() => view(id)}
            aria-label={t("images.action.open")}
            className="block size-full cursor-zoom-in"
          >
            {/* biome-ignore lint/performance/noImgElement: a local blob: URL; next/image cannot optimise it. */}
            <img
              src={url}
              alt={record.prompt}
              width={record.width}
              height={record.height}
              loading={lazy ? "lazy" : "eager"}
              decoding="async"
              onError={() => setBroken(true)}
              className="size-full object-cover transition duration-300 group-hover:scale-[1.02]"
            />
          </button>
        </div>
      ) : (
        <div className="flex size-full items-center justify-center p-3 text-center text-xs text-zinc-500">
          {broken ? t("images.tile.broken") : ""}
        </div>
      )}
      {record && (
        <>
          <div className="pointer-events-none absolute inset-x-0 top-0 flex justify-end p-1.5 opacity-0 transition group-hover:opacity-100 group-focus-within:opacity-100 [@media(hover:none)]:hidden">
            <div className="pointer-events-auto w-full">
              <ImageActions record={record} url={url} compact />
            </div>
          </div>
          <figcaption className="pointer-events-none absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/70 to-transparent px-2.5 pt-6 pb-2 text-[11px] leading-tight text-white opacity-0 transition group-hover:opacity-100 group-focus-within:opacity-100">
            <span className="line-clamp-2">{record.prompt}</span>
            <span className="mt-0.5 block font-mono opacity-75">
              {record.width}×{record.height}
              {record.seed !== undefined ? ` · #${record.seed}` : ""}
              {/* A batch's seed: say which image of the batch this is. */}
              {record.params.seedScope === "batch" && typeof record.params.batchIndex === "number"
                ? ` (${record.params.batchIndex + 1}/${String(record.params.batchSize ?? "?")})`
                : ""}
            </span>
          </figcaption>
        </>
      )}
    </figure>
  );
}
