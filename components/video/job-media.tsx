"use client";

import { useT } from "@/lib/i18n/client";
import type { VideoJob } from "@/lib/video/client/db";
import { formatElapsed, jobElapsedMs } from "./hooks";

const BADGE: Record<VideoJob["status"], string> = {
  queued: "bg-amber-400/90 text-amber-950",
  running: "bg-violet-500/90 text-white",
  succeeded: "bg-emerald-500/90 text-white",
  failed: "bg-red-500/90 text-white",
  expired: "bg-zinc-500/90 text-white",
};

export function StatusBadge({ status }: { status: VideoJob["status"] }) {
  const t = useT();
  const active = status === "queued" || status === "running";
  return (
    <span
      data-testid="video-job-status"
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-[11px] font-semibold shadow-sm backdrop-blur ${BADGE[status]}`}
    >
      {active && <span aria-hidden="true" className="h-1.5 w-1.5 animate-pulse rounded-full bg-current" />}
      {t(`video.status.${status}`)}
    </span>
  );
}

/** What stands in for the video while the job runs or after it failed. */
export function JobPlaceholder({ job, thumbUrl, now }: { job: VideoJob; thumbUrl?: string; now: number }) {
  const t = useT();
  const active = job.status === "queued" || job.status === "running";
  return (
    <div className="absolute inset-0 overflow-hidden">
      <div
        aria-hidden="true"
        className={`absolute inset-0 ${
          active
            ? "animate-pulse bg-gradient-to-br from-violet-700 via-fuchsia-700 to-indigo-800"
            : "bg-gradient-to-br from-zinc-700 to-zinc-900"
        }`}
      />
      {thumbUrl && (
        // biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot optimise it
        <img
          src={thumbUrl}
          alt={t("video.startThumb")}
          className={`absolute inset-0 h-full w-full object-cover ${active ? "opacity-40 blur-sm" : "opacity-25 grayscale"}`}
        />
      )}
      <div className="relative flex h-full flex-col items-center justify-center gap-2 px-4 text-center text-white">
        {active ? (
          <>
            <span
              aria-hidden="true"
              className="h-9 w-9 animate-spin rounded-full border-[3px] border-white/30 border-t-white"
            />
            <p className="text-sm font-semibold drop-shadow">
              {job.status === "queued" && job.position !== undefined
                ? t("video.position", { n: job.position })
                : t(job.status === "queued" ? "video.waiting" : "video.rendering")}
            </p>
            <p className="text-xs tabular-nums text-white/80">
              {t("video.elapsed", { time: formatElapsed(jobElapsedMs(job, now)) })}
            </p>
          </>
        ) : (
          // The reason is spelled out in the card's alert below; the picture only marks the state.
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="h-10 w-10 fill-none stroke-current stroke-[1.5] opacity-70"
          >
            <circle cx="12" cy="12" r="9" />
            <path d="M12 7v6M12 16.5v.5" strokeLinecap="round" />
          </svg>
        )}
      </div>
      {active && (
        <div aria-hidden="true" className="absolute inset-x-0 bottom-0 h-1 bg-white/10">
          <div className={`h-full animate-pulse bg-white/70 ${job.status === "queued" ? "w-1/4" : "w-2/3"}`} />
        </div>
      )}
    </div>
  );
}
