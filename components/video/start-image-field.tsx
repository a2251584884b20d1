"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { UploadButton, UploadZone } from "@/components/ui/upload-zone";
import { AppError } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { selectVideoField, useVideoForm } from "@/lib/video/client/form-store";
import { pickImage } from "@/lib/video/client/start-image";
import { GalleryPicker } from "./gallery-picker";
import { useObjectUrl } from "./hooks";
import { fieldLabel } from "./styles";

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
  const image = useVideoForm(selectVideoField(which === "start" ? "image" : "lastImage"));
  const imageError = useVideoForm(selectVideoField("imageError"));
  // Actions never change: taken from the store, not subscribed to.
  const { setImage: setStart, setLastImage, setImageError } = useVideoForm.getState();
  const setImage = which === "start" ? setStart : setLastImage;
  const [picking, setPicking] = useState(false);
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

  return (
    <div>
      <p className={fieldLabel}>
        {t(text.label)} {!required && <span className="font-normal text-zinc-500">({t("video.optional")})</span>}
      </p>
      <div className="mt-1.5">
        <UploadZone
          onFiles={(files) => void accept(files[0])}
          preview={
            image && preview ? (
              <>
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
              </>
            ) : undefined
          }
          hint={image ? undefined : t(text.hint)}
        >
          {image ? (
            <Button size="sm" variant="ghost" onClick={() => setImage(null)}>
              {t(text.remove)}
            </Button>
          ) : (
            <>
              <UploadButton accept={ACCEPT} testId={text.testId} onFiles={(files) => void accept(files[0])}>
                {t(text.upload)}
              </UploadButton>
              {which === "start" && (
                <Button size="sm" variant="ghost" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
                  {t("video.startImage.gallery")}
                </Button>
              )}
            </>
          )}
        </UploadZone>
      </div>
      {which === "start" && picking && !image && <GalleryPicker onClose={() => setPicking(false)} />}
      {which === "start" && imageError && (
        <div className="mt-2">
          <ErrorAlert error={imageError} onDismiss={() => setImageError(null)} />
        </div>
      )}
    </div>
  );
}
