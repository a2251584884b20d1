"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UploadButton, UploadZone } from "@/components/ui/upload-zone";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { MAX_REFERENCE_BYTES, REFERENCE_MIME, type ReferenceMode } from "@/lib/images/capabilities";
import { type ImageRecord, loadImageBlob } from "@/lib/images/client/db";
import { useRecentImages } from "@/lib/images/client/hooks";
import { selectReferences } from "@/lib/images/client/selectors";
import { type Reference, useImageStore } from "@/lib/images/client/store";
import { localError } from "@/lib/local-error";
import { useBlobUrl, useImageUrl } from "./hooks";
import { CloseIcon, ReferenceIcon } from "./icons";

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
  const records = useRecentImages(PICKER_LIMIT);
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

/** One chosen reference: its picture and a button to take it out. */
function ReferenceThumb({ reference, index, onRemove }: { reference: Reference; index: number; onRemove: () => void }) {
  const t = useT();
  const preview = useBlobUrl(reference.blob);
  return (
    <li
      data-testid="reference-image"
      className="relative size-16 shrink-0 overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
    >
      {/* biome-ignore lint/performance/noImgElement: a local blob: URL. */}
      {preview && <img src={preview} alt={reference.name} className="size-full object-cover" />}
      <button
        type="button"
        onClick={onRemove}
        aria-label={t("images.reference.removeN", { n: index + 1 })}
        title={t("images.reference.removeN", { n: index + 1 })}
        className="absolute top-0.5 right-0.5 rounded-full bg-black/60 p-0.5 text-white hover:bg-black/80"
      >
        <CloseIcon width={12} height={12} />
      </button>
    </li>
  );
}

/**
 * The reference images of an image-to-image or edit model: upload (several at once), paste, drop, or
 * pick from the gallery. Edit models (a reference is required) show up to their maximum (Edit-2509:
 * three, sent as `image`, `image2`, `image3`).
 */
export function ReferenceField({ mode, max }: { mode: Exclude<ReferenceMode, "none">; max: number }) {
  const t = useT();
  const references = useImageStore(selectReferences);
  // Actions never change: taken from the store, not subscribed to.
  const { addReferences, removeReference } = useImageStore.getState();
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [picking, setPicking] = useState(false);
  const full = max > 1 && references.length >= max;

  const accept = (files: readonly File[]) => {
    if (files.length === 0) return;
    const issue = files.map(problemWith).find((p) => p !== null) ?? null;
    setProblem(issue ?? (max > 1 && references.length + files.length > max ? "images.reference.tooMany" : null));
    if (!issue) addReferences(files.map((file) => ({ blob: file, name: file.name })));
  };
  // Edit models are found by `reference-input` (several files); the optional reference of Kolors keeps its id.
  const testId = mode === "required" || max > 1 ? "reference-input" : "image-reference-input";

  return (
    <fieldset className="space-y-2">
      <legend className="flex w-full items-center justify-between text-sm font-medium">
        <span>{t(max > 1 ? "images.field.references" : "images.field.reference")}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-[11px] ${
            mode === "required"
              ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
              : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          }`}
        >
          {max > 1
            ? t("images.reference.count", { n: references.length, max })
            : t(mode === "required" ? "images.reference.required" : "images.reference.optional")}
        </span>
      </legend>
      <UploadZone
        id="image-reference"
        testId="image-reference"
        onFiles={accept}
        paste
        preview={
          references.length > 0 ? (
            <ul className="flex gap-2" aria-label={t("images.field.references")}>
              {references.map((r, i) => (
                <ReferenceThumb key={i} reference={r} index={i} onRemove={() => removeReference(i)} />
              ))}
            </ul>
          ) : (
            <span className="flex size-16 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-400 dark:bg-zinc-800">
              <ReferenceIcon width={22} height={22} />
            </span>
          )
        }
        hint={references.length === 0 ? t("images.reference.drop") : undefined}
      >
        {!full && (
          <UploadButton accept={REFERENCE_MIME.join(",")} multiple={max > 1} testId={testId} onFiles={accept}>
            {t("images.reference.upload")}
          </UploadButton>
        )}
        {!full && (
          <Button size="sm" variant="ghost" onClick={() => setPicking(true)}>
            {t("images.reference.fromGallery")}
          </Button>
        )}
      </UploadZone>
      {problem && <ErrorAlert error={localError(problem, { max })} onDismiss={() => setProblem(null)} />}
      {picking && (
        <GalleryPicker
          onClose={() => setPicking(false)}
          onPick={async (r) => {
            const blob = await loadImageBlob(r);
            if (blob) addReferences([{ blob, name: r.prompt, imageId: r.id }]);
            setProblem(null);
            setPicking(false);
          }}
        />
      )}
    </fieldset>
  );
}
