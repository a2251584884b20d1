"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { StudioLayout } from "@/components/ui/studio-layout";
import { AppError } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { loadImage, loadImageBlob } from "@/lib/images/client/db";
import { useVideoForm } from "@/lib/video/client/form-store";
import { startVideoPoller } from "@/lib/video/client/poller";
import { pickImage } from "@/lib/video/client/start-image";
import { useVideoFormSlots } from "./video-form";
import { VideoGallery } from "./video-gallery";

/** Reads `/video?startImage=<gallery image id>` (the Images page's "Animate") into the form once. */
function useStartImageParam(onMissing: (err: AppError) => void) {
  const params = useSearchParams();
  const router = useRouter();
  // Typed nullable because pages/ exists (pages/api/chat.ts); never null under app/.
  const id = params?.get("startImage");
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void (async () => {
      try {
        const row = await loadImage(id);
        const blob = row && (await loadImageBlob(row));
        if (!row || !blob) {
          throw new AppError("not_found", {
            detail: `gallery image ${id.slice(0, 80)}`,
            key: "video.startImage.missing",
          });
        }
        const picked = await pickImage(blob, "gallery", row.prompt.slice(0, 80));
        if (!cancelled) useVideoForm.getState().setImage(picked);
      } catch (err) {
        if (!cancelled) onMissing(AppError.from(err));
      }
      // Consumed: a reload should not replace whatever the user has chosen since.
      if (!cancelled) router.replace("/video", { scroll: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [id, router, onMissing]);
}

/** /video in the studio layout: the settings card (Generate kept in view) and every stored job beside it. */
export function VideoStudio() {
  const t = useT();
  // Actions never change: taken from the store, not subscribed to.
  const { setImageError } = useVideoForm.getState();
  useStartImageParam(setImageError);
  useEffect(() => {
    // Jobs stored earlier (before a reload, or by another tab) resume as soon as the studio opens.
    startVideoPoller();
  }, []);
  const { form, action, actionNote } = useVideoFormSlots();
  return (
    <StudioLayout
      title={t("video.title")}
      description={t("video.subtitle")}
      form={form}
      action={action}
      actionNote={actionNote}
      results={<VideoGallery />}
      resultsLabel={t("video.gallery.title")}
    />
  );
}
