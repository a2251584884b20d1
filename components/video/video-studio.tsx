"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { AppError } from "@/lib/errors";
import { useT } from "@/lib/i18n/client";
import { loadImage } from "@/lib/images/db";
import { useVideoForm } from "@/lib/video/form-store";
import { startVideoPoller } from "@/lib/video/poller";
import { pickImage } from "@/lib/video/start-image";
import { VideoForm } from "./video-form";
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
        if (!row) {
          throw new AppError("not_found", {
            detail: `gallery image ${id.slice(0, 80)}`,
            key: "video.startImage.missing",
          });
        }
        const picked = await pickImage(row.blob, "gallery", row.prompt.slice(0, 80));
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

export function VideoStudio() {
  const t = useT();
  const setImageError = useVideoForm((s) => s.setImageError);
  useStartImageParam(setImageError);
  useEffect(() => {
    // Jobs stored earlier (before a reload, or by another tab) resume as soon as the studio opens.
    startVideoPoller();
  }, []);
  return (
    <div className="mx-auto grid w-full max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,400px)_minmax(0,1fr)] lg:gap-8">
      <div className="lg:sticky lg:top-4 lg:self-start">
        <header className="mb-4">
          <h1 className="text-2xl font-semibold tracking-tight">{t("video.title")}</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("video.subtitle")}</p>
        </header>
        <VideoForm />
      </div>
      <VideoGallery />
    </div>
  );
}
