"use client";

import { memo } from "react";
import { useRevealOnPhone } from "@/components/ui/studio-layout";
import { useT } from "@/lib/i18n/client";
import { useVideoJobs } from "@/lib/video/client/hooks";
import { card } from "./styles";
import { VideoJobCard } from "./video-job-card";

const PAGE = 100;

/**
 * Every stored job, newest first, live across tabs (Dexie broadcasts writes between tabs). Memoised:
 * it takes no props, so typing in the form does not re-render the cards.
 */
export const VideoGallery = memo(function VideoGallery() {
  const t = useT();
  const jobs = useVideoJobs(PAGE);
  // Jobs are read from IndexedDB: those there on arrival are not new, the next Generate is.
  const newest = useRevealOnPhone<HTMLDivElement>(jobs?.[0]?.id ?? null, jobs !== undefined);
  const active = jobs?.filter((j) => j.status === "queued" || j.status === "running").length ?? 0;

  return (
    <section aria-labelledby="video-gallery-heading" data-testid="video-gallery" className="min-w-0">
      <div className="mb-3 flex items-baseline gap-3">
        <h2 id="video-gallery-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
          {t("video.gallery.title")}
        </h2>
        {jobs && jobs.length > 0 && <span className="text-xs text-zinc-500 tabular-nums">{jobs.length}</span>}
        {active > 0 && (
          <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-900/50 dark:text-violet-200">
            {t("video.gallery.active", { n: active })}
          </span>
        )}
      </div>
      {jobs === undefined ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {[0, 1].map((i) => (
            <div key={i} className={`${card} aspect-video animate-pulse bg-zinc-100 dark:bg-zinc-900`} />
          ))}
        </div>
      ) : jobs.length === 0 ? (
        <div className={`${card} flex flex-col items-center justify-center gap-2 border-dashed px-6 py-16 text-center`}>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 fill-none stroke-violet-500 stroke-[1.5]">
            <rect x="3" y="5" width="14" height="14" rx="2" />
            <path d="M17 10l4-2.5v9L17 14" strokeLinejoin="round" />
          </svg>
          <p className="font-medium">{t("video.gallery.emptyTitle")}</p>
          <p className="max-w-sm text-sm text-zinc-500">{t("video.gallery.emptyBody")}</p>
        </div>
      ) : (
        <div ref={newest} className="grid scroll-mt-4 gap-4 sm:grid-cols-2">
          {jobs.map((job) => (
            <VideoJobCard key={job.id} job={job} />
          ))}
        </div>
      )}
    </section>
  );
});
