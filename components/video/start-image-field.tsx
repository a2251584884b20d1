"use client";

import { type DragEvent, useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { AppError } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { useVideoForm } from "@/lib/video/form-store";
import { pickImage } from "@/lib/video/start-image";
import { GalleryPicker } from "./gallery-picker";
import { useObjectUrl } from "./hooks";
import { fieldLabel, ghostButton, hint } from "./styles";

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif,image/bmp";

const TEXT = {
  start: {
    label: "video.startImage",
    upload: "video.startImage.upload",
    remove: "video.startImage.remove",
    hint: "video.startImage.hint",
    testId: "video-image-input",
  },
  last: {
    label: "video.lastImage",
    upload: "video.lastImage.upload",
    remove: "video.lastImage.remove",
    hint: "video.lastImage.hint",
    testId: "video-last-frame-input",
  },
} as const;

/**
 * The start image (upload, drop or pick from the image gallery), or with `which="last"` the last
 * frame of a model that takes first and last frame (upload or drop).
 */
export function StartImageField({
  which = "start",
  required = false,
}: {
  which?: "start" | "last";
  required?: boolean;
}) {
  const t = useT();
  const text = TEXT[which];
  const inputId = useId();
  const image = useVideoForm((s) => (which === "start" ? s.image : s.lastImage));
  const imageError = useVideoForm((s) => s.imageError);
  const setImage = useVideoForm((s) => (which === "start" ? s.setImage : s.setLastImage));
  const setImageError = useVideoForm((s) => s.setImageError);
  const [picking, setPicking] = useState(false);
  const [dragging, setDragging] = useState(false);
  const key = image ? `${image.source}:${image.name ?? ""}:${image.blob.size}:${image.width}x${image.height}` : "none";
  const preview = useObjectUrl(image?.blob, key);

  const accept = async (file: File | undefined) => {
    if (!file) return;
    try {
      setImage(await pickImage(file, "upload", file.name));
      setPicking(false);
    } catch (err) {
      setImageError(AppError.from(err));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void accept(e.dataTransfer.files[0]);
  };

  return (
    <div>
      <p className={fieldLabel}>
        {t(text.label)} {!required && <span className="font-normal text-zinc-500">({t("video.optional")})</span>}
      </p>
      {image && preview ? (
        <div className="mt-1.5 flex items-center gap-3 rounded-xl border border-zinc-200 p-2 dark:border-zinc-800">
          {/* biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot optimise it */}
          <img
            src={preview}
            alt={t(text.label)}
            data-testid={which === "start" ? "video-start-image" : "video-last-image"}
            className="h-16 w-24 shrink-0 rounded-lg bg-zinc-100 object-cover dark:bg-zinc-800"
          />
          <div className="min-w-0 flex-1 text-xs">
            <p className="truncate font-medium">
              {image.source === "gallery" ? t("video.startImage.fromGallery") : (image.name ?? t(text.label))}
            </p>
            {image.width > 0 && (
              <p className="text-zinc-500">
                {image.width}×{image.height}
              </p>
            )}
          </div>
          <button type="button" onClick={() => setImage(null)} className={ghostButton}>
            {t(text.remove)}
          </button>
        </div>
      ) : (
        <section
          aria-label={t(text.label)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`mt-1.5 flex flex-wrap items-center gap-2 rounded-xl border border-dashed p-3 transition ${
            dragging ? "border-violet-500 bg-violet-50 dark:bg-violet-950/30" : "border-zinc-300 dark:border-zinc-700"
          }`}
        >
          <label
            htmlFor={inputId}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-xs font-medium shadow-sm hover:bg-zinc-50 focus-within:ring-2 focus-within:ring-violet-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current opacity-70">
              <path d="M10 3l4 4h-3v6H9V7H6l4-4zM4 15h12v2H4z" />
            </svg>
            {t(text.upload)}
            <input
              id={inputId}
              type="file"
              accept={ACCEPT}
              data-testid={text.testId}
              className="sr-only"
              onChange={(e) => {
                void accept(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
          {which === "start" && (
            <button
              type="button"
              aria-expanded={picking}
              onClick={() => setPicking((p) => !p)}
              className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-xs font-medium shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
            >
              {t("video.startImage.gallery")}
            </button>
          )}
          <p className={`${hint} w-full`}>{t(text.hint)}</p>
        </section>
      )}
      {which === "start" && picking && !image && <GalleryPicker onClose={() => setPicking(false)} />}
      {which === "start" && imageError && (
        <div className="mt-2">
          <ErrorAlert error={imageError} onDismiss={() => setImageError(null)} />
        </div>
      )}
    </div>
  );
}
