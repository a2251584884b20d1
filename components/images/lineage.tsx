"use client";

import { useT } from "@/lib/i18n/client";
import type { ImageRecord } from "@/lib/images/client/db";
import { useImageRecord } from "@/lib/images/client/hooks";
import { referenceIds, useImageStore } from "@/lib/images/client/store";
import { useImageUrl } from "./hooks";

function Ancestor({ id }: { id: string }) {
  const t = useT();
  const record = useImageRecord(id);
  const url = useImageUrl(record ?? undefined);
  const { view } = useImageStore.getState();
  if (record === undefined) return null;
  if (record === null) {
    return (
      <li className="flex size-14 items-center justify-center rounded-lg bg-zinc-100 text-center text-[10px] text-zinc-500 dark:bg-zinc-800">
        {t("images.lineage.missing")}
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        onClick={() => view(record.id)}
        className="block size-14 overflow-hidden rounded-lg ring-1 ring-zinc-200 hover:ring-2 hover:ring-violet-500 dark:ring-zinc-700"
      >
        {/* biome-ignore lint/performance/noImgElement: a local blob: URL. */}
        {url && <img src={url} alt={record.prompt} className="size-full object-cover" />}
      </button>
    </li>
  );
}

/**
 * Where an edit came from: the gallery images it was made from, each opening in the viewer, so a
 * chain of "Edit again" can be walked back to its start.
 */
export function Lineage({ record }: { record: ImageRecord }) {
  const t = useT();
  const ids = referenceIds(record);
  if (ids.length === 0) return null;
  return (
    <section data-testid="image-lineage" aria-label={t("images.lineage.title")} className="space-y-1.5">
      <h3 className="text-xs font-medium text-zinc-500">{t("images.lineage.title")}</h3>
      <ul className="flex flex-wrap gap-2">
        {ids.map((id) => (
          <Ancestor key={id} id={id} />
        ))}
      </ul>
    </section>
  );
}
