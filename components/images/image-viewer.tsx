"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { ImageRecord } from "@/lib/images/client/db";
import type { StoredParams } from "@/lib/images/client/form";
import { useGalleryIds, useImageRecord } from "@/lib/images/client/hooks";
import { selectViewing } from "@/lib/images/client/selectors";
import { useImageStore } from "@/lib/images/client/store";
import { formatSeconds, useImageUrl } from "./hooks";
import { ChevronIcon, CloseIcon } from "./icons";
import { ImageActions } from "./image-actions";
import { Lineage } from "./lineage";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 py-1.5 text-sm">
      <dt className="w-24 shrink-0 text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

function Details({ record }: { record: ImageRecord }) {
  const { t, locale } = useI18n();
  const p = record.params as Partial<StoredParams>;
  const timings = record.timings ?? {};
  return (
    <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
      <Row label={t("images.field.model")}>
        <span className="font-mono text-xs">{record.model.id}</span>
      </Row>
      <Row label={t("images.field.size")}>{`${record.width ?? "?"} × ${record.height ?? "?"}`}</Row>
      {record.seed !== undefined && (
        <Row label={t("images.field.seed")}>
          <span className="font-mono">{record.seed}</span>
          {p.seedScope === "batch" && (
            <span data-testid="batch-seed-note" className="mt-0.5 block text-xs text-zinc-500">
              {t("images.seed.batch", { n: (p.batchIndex ?? 0) + 1, count: p.batchSize ?? 1 })}
            </span>
          )}
        </Row>
      )}
      {p.steps !== undefined && <Row label={t("images.field.steps")}>{p.steps}</Row>}
      {p.guidance !== undefined && <Row label={t("images.field.guidance")}>{p.guidance}</Row>}
      {record.negativePrompt && <Row label={t("images.field.negativePrompt")}>{record.negativePrompt}</Row>}
      {p.hasReference && <Row label={t("images.field.reference")}>{p.references ?? 1}</Row>}
      {p.quality && <Row label={t("images.field.quality")}>{p.quality}</Row>}
      {timings.inferenceMs !== undefined && (
        <Row label={t("images.meta.inference")}>
          {t("images.job.seconds", { s: formatSeconds(timings.inferenceMs) })}
        </Row>
      )}
      {timings.totalMs !== undefined && (
        <Row label={t("images.meta.total")}>{t("images.job.seconds", { s: formatSeconds(timings.totalMs) })}</Row>
      )}
      <Row label={t("images.meta.created")}>
        {new Date(record.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US")}
      </Row>
    </dl>
  );
}

function ViewerBody({ id, ids, onClose }: { id: string; ids: string[]; onClose: () => void }) {
  const { t } = useI18n();
  const { view } = useImageStore.getState();
  const record = useImageRecord(id);
  const url = useImageUrl(record ?? undefined);
  const index = ids.indexOf(id);
  const prev = index > 0 ? ids[index - 1] : undefined;
  const next = index >= 0 && index < ids.length - 1 ? ids[index + 1] : undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "ArrowLeft" && prev) view(prev);
      if (e.key === "ArrowRight" && next) view(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [prev, next, view]);

  if (!record) return null;
  const nav =
    "inline-flex size-9 items-center justify-center rounded-full bg-white/90 text-zinc-900 shadow disabled:opacity-30 dark:bg-zinc-800/90 dark:text-zinc-100";
  return (
    <div className="flex max-h-[92dvh] flex-col lg:flex-row">
      <div className="relative flex min-h-0 flex-1 items-center justify-center bg-zinc-950 p-3">
        {url && (
          // biome-ignore lint/performance/noImgElement: a local blob: URL at full size.
          <img
            src={url}
            alt={record.prompt}
            className="max-h-[60dvh] max-w-full object-contain lg:max-h-[88dvh]"
            width={record.width}
            height={record.height}
          />
        )}
        <div className="absolute inset-x-3 top-1/2 flex -translate-y-1/2 justify-between">
          <button
            type="button"
            className={nav}
            disabled={!prev}
            onClick={() => prev && view(prev)}
            aria-label={t("images.action.prev")}
          >
            <ChevronIcon dir="left" />
          </button>
          <button
            type="button"
            className={nav}
            disabled={!next}
            onClick={() => next && view(next)}
            aria-label={t("images.action.next")}
          >
            <ChevronIcon />
          </button>
        </div>
      </div>
      <aside className="flex w-full shrink-0 flex-col gap-4 overflow-y-auto p-5 lg:w-96">
        <div className="flex items-start gap-3">
          <h2 id="image-viewer-title" className="flex-1 text-sm leading-relaxed font-medium">
            {record.prompt}
          </h2>
          <button
            type="button"
            onClick={onClose}
            aria-label={t("images.action.close")}
            className="rounded-lg p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            <CloseIcon width={18} height={18} />
          </button>
        </div>
        <Details record={record} />
        <Lineage record={record} />
        <ImageActions record={record} url={url} />
      </aside>
    </div>
  );
}

/** Full-size view of one stored image with its settings and actions (a modal dialog). */
export function ImageViewer() {
  const viewing = useImageStore(selectViewing);
  const { view } = useImageStore.getState();
  const ids = useGalleryIds() ?? [];
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (viewing && !dialog.open) dialog.showModal();
    if (!viewing && dialog.open) dialog.close();
  }, [viewing]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click mirrors Escape, which the dialog handles natively.
    <dialog
      ref={ref}
      aria-labelledby="image-viewer-title"
      onClose={() => view(null)}
      // A click on the backdrop (the dialog element itself, outside the panel) closes it.
      onClick={(e) => e.target === e.currentTarget && view(null)}
      className="m-auto w-[min(1280px,96vw)] overflow-hidden rounded-2xl bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/75 backdrop:backdrop-blur-sm dark:bg-zinc-900 dark:text-zinc-100"
    >
      {viewing && <ViewerBody id={viewing} ids={ids} onClose={() => view(null)} />}
    </dialog>
  );
}
