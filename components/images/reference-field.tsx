"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { type ImageRecord, listImages } from "@/lib/db";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { MAX_REFERENCE_BYTES, REFERENCE_MIME, type ReferenceMode } from "@/lib/images/capabilities";
import { imagesDb } from "@/lib/images/db";
import { useImageStore } from "@/lib/images/store";
import { useBlobUrl, useImageUrl } from "./hooks";
import { CloseIcon, ReferenceIcon, UploadIcon } from "./icons";

const PICKER_LIMIT = 60;

function problemWith(file: Blob): MessageKey | null {
  if (!(REFERENCE_MIME as readonly string[]).includes(file.type)) return "images.reference.badType";
  if (file.size > MAX_REFERENCE_BYTES) return "images.reference.tooLarge";
  return null;
}

function PickerTile({ record, onPick }: { record: ImageRecord; onPick: (r: ImageRecord) => void }) {
  const url = useImageUrl(record);
  return (
    <button
      type="button"
      onClick={() => onPick(record)}
      className="aspect-square overflow-hidden rounded-lg ring-1 ring-zinc-200 hover:ring-2 hover:ring-violet-500 dark:ring-zinc-700"
    >
      {/* biome-ignore lint/performance/noImgElement: a local blob: URL. */}
      {url && <img src={url} alt={record.prompt} className="size-full object-cover" loading="lazy" />}
    </button>
  );
}

/** The newest gallery images to choose a reference from (the gallery's own "Use as reference" reaches all). */
function GalleryPicker({ onPick, onClose }: { onPick: (r: ImageRecord) => void; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const records = useLiveQuery(() => listImages(imagesDb(), { limit: PICKER_LIMIT }), []);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="reference-picker-title"
      className="m-auto w-[min(720px,94vw)] rounded-2xl bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-black/60 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="mb-4 flex items-center justify-between">
        <h2 id="reference-picker-title" className="font-semibold">
          {t("images.reference.pickTitle")}
        </h2>
        <button
          type="button"
          onClick={() => ref.current?.close()}
          aria-label={t("images.action.close")}
          className="rounded-lg p-1.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <CloseIcon width={18} height={18} />
        </button>
      </div>
      {records?.length === 0 && (
        <p className="py-8 text-center text-sm text-zinc-500">{t("images.reference.pickEmpty")}</p>
      )}
      <div className="grid max-h-[60dvh] grid-cols-3 gap-2 overflow-y-auto sm:grid-cols-5">
        {records?.map((r) => (
          <PickerTile key={r.id} record={r} onPick={onPick} />
        ))}
      </div>
    </dialog>
  );
}

/** The reference image of an image-to-image model: upload, drop, or pick from the gallery. */
export function ReferenceField({ mode }: { mode: Exclude<ReferenceMode, "none"> }) {
  const t = useT();
  const reference = useImageStore((s) => s.reference);
  const setReference = useImageStore((s) => s.setReference);
  const preview = useBlobUrl(reference?.blob);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [picking, setPicking] = useState(false);

  const accept = (file: File | undefined) => {
    if (!file) return;
    const issue = problemWith(file);
    setProblem(issue);
    if (!issue) setReference({ blob: file, name: file.name });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    accept(e.dataTransfer.files[0]);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="flex w-full items-center justify-between text-sm font-medium">
        <span>{t("images.field.reference")}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-[11px] ${
            mode === "required"
              ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
              : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          }`}
        >
          {t(mode === "required" ? "images.reference.required" : "images.reference.optional")}
        </span>
      </legend>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; Upload is the keyboard path. */}
      <div
        id="image-reference"
        data-testid="image-reference"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        className="flex scroll-mt-4 scroll-mb-32 items-center gap-3 rounded-xl border border-dashed border-zinc-300 p-3 dark:border-zinc-700"
      >
        <div className="relative size-16 shrink-0 overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800">
          {preview ? (
            // biome-ignore lint/performance/noImgElement: a local blob: URL.
            <img src={preview} alt={reference?.name ?? ""} className="size-full object-cover" />
          ) : (
            <span className="flex size-full items-center justify-center text-zinc-400">
              <ReferenceIcon width={22} height={22} />
            </span>
          )}
        </div>
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          <label className="inline-flex cursor-pointer items-center gap-1.5 rounded-lg bg-zinc-100 px-2.5 py-1.5 text-xs font-medium hover:bg-zinc-200 focus-within:outline-2 focus-within:outline-violet-600 dark:bg-zinc-800 dark:hover:bg-zinc-700">
            <UploadIcon width={14} height={14} />
            {t("images.reference.upload")}
            <input
              type="file"
              accept={REFERENCE_MIME.join(",")}
              data-testid="image-reference-input"
              className="sr-only"
              onChange={(e) => {
                accept(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
          <button
            type="button"
            onClick={() => setPicking(true)}
            className="rounded-lg px-2.5 py-1.5 text-xs font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-300 dark:hover:bg-violet-950"
          >
            {t("images.reference.fromGallery")}
          </button>
          {reference && (
            <button
              type="button"
              onClick={() => setReference(null)}
              className="rounded-lg px-2.5 py-1.5 text-xs text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {t("images.reference.remove")}
            </button>
          )}
          {!reference && <p className="w-full text-xs text-zinc-500">{t("images.reference.drop")}</p>}
        </div>
      </div>
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {t(problem)}
        </p>
      )}
      {picking && (
        <GalleryPicker
          onClose={() => setPicking(false)}
          onPick={(r) => {
            setReference({ blob: r.blob, name: r.prompt, imageId: r.id });
            setProblem(null);
            setPicking(false);
          }}
        />
      )}
    </fieldset>
  );
}
