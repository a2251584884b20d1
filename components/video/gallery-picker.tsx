"use client";

import Link from "next/link";
import { AppError } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { type ImageRecord, loadImageBlob } from "@/lib/images/client/db";
import { useRecentImages } from "@/lib/images/client/hooks";
import { useVideoForm } from "@/lib/video/client/form-store";
import { pickImage } from "@/lib/video/client/start-image";
import { useMediaUrl } from "./hooks";
import { ghostButton } from "./styles";

function Thumb({ image, index, onPick }: { image: ImageRecord; index: number; onPick: (row: ImageRecord) => void }) {
  const t = useT();
  const url = useMediaUrl(image.blobId);
  return (
    <button
      type="button"
      onClick={() => onPick(image)}
      title={image.prompt}
      aria-label={t("video.picker.use", { n: index + 1 })}
      className="group relative aspect-square overflow-hidden rounded-lg bg-zinc-100 ring-violet-500 transition hover:ring-2 dark:bg-zinc-800"
    >
      {url && (
        // biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot optimise it
        <img src={url} alt="" className="h-full w-full object-cover transition group-hover:scale-105" />
      )}
    </button>
  );
}

/** Recent images from the Images gallery (IndexedDB), to animate one. */
export function GalleryPicker({ onClose }: { onClose: () => void }) {
  const t = useT();
  const images = useRecentImages(24);
  // Actions never change: taken from the store, not subscribed to.
  const { setImage, setImageError } = useVideoForm.getState();

  const pick = async (row: ImageRecord) => {
    try {
      const blob = await loadImageBlob(row);
      if (!blob)
        throw new AppError("not_found", { detail: `gallery image ${row.id}`, key: "video.startImage.missing" });
      setImage(await pickImage(blob, "gallery", row.prompt.slice(0, 80)));
      onClose();
    } catch (err) {
      setImageError(AppError.from(err));
    }
  };

  return (
    <div className="mt-2 rounded-xl border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950/60">
      <div className="mb-2 flex items-center justify-between">
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("video.picker.title")}</p>
        <button type="button" onClick={onClose} className={ghostButton}>
          {t("video.picker.close")}
        </button>
      </div>
      {images === undefined ? (
        <p className="text-xs text-zinc-500">{t("common.loading")}</p>
      ) : images.length === 0 ? (
        <p className="text-xs text-zinc-500">
          {t("video.picker.empty")}{" "}
          <Link href="/images" className="font-medium text-violet-700 underline dark:text-violet-300">
            {t("video.picker.openImages")}
          </Link>
        </p>
      ) : (
        <div className="grid max-h-56 grid-cols-4 gap-2 overflow-y-auto">
          {images.map((image, i) => (
            <Thumb key={image.id} image={image} index={i} onPick={pick} />
          ))}
        </div>
      )}
    </div>
  );
}
