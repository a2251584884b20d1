"use client";

import { memo, useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { AppErrorJSON, ErrorCode } from "@/lib/errors";
import { useI18n } from "@/lib/i18n/client";
import { removeVideoJob, reuseVideoJob, type VideoJob } from "@/lib/video/client/db";
import { formatElapsed, jobElapsedMs, shortModelName, useMediaUrl, useNow } from "./hooks";
import { JobPlaceholder, StatusBadge } from "./job-media";
import { card, chip, ghostButton } from "./styles";

function asAlert(failure: NonNullable<VideoJob["failure"]>): AppErrorJSON {
  return {
    code: failure.code as ErrorCode,
    status: 0,
    message: failure.message,
    key: failure.key,
    vars: failure.vars,
    detail: failure.detail,
    retryable: false,
  };
}

function fileName(job: VideoJob): string {
  const slug = job.prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const date = new Date(job.createdAt).toISOString().slice(0, 10);
  return `siliconplay-${date}-${slug || job.requestId.slice(0, 8)}.mp4`;
}

function VideoJobCardImpl({ job }: { job: VideoJob }) {
  const { t, locale } = useI18n();
  const active = job.status === "queued" || job.status === "running";
  const now = useNow(active);
  const done = job.status === "succeeded" && job.blobId;
  const videoUrl = useMediaUrl(done ? job.blobId : undefined);
  const thumbUrl = useMediaUrl(job.startImageId);
  const [duration, setDuration] = useState<number>();
  const [confirming, setConfirming] = useState(false);

  // The delete confirmation disarms itself, so a stray second click later does nothing.
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 4000);
    return () => clearTimeout(timer);
  }, [confirming]);

  const size = String(job.params.size ?? "");
  const seed = job.seed ?? (typeof job.params.seed === "number" ? job.params.seed : undefined);

  const created = new Date(job.createdAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  });

  return (
    <article
      data-testid="video-job"
      data-status={job.status}
      data-request-id={job.requestId}
      aria-busy={active}
      className={`${card} flex flex-col overflow-hidden`}
    >
      <div className="relative aspect-video bg-zinc-950">
        {done && videoUrl ? (
          // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
          <video
            src={videoUrl}
            controls
            playsInline
            loop
            preload="metadata"
            onLoadedMetadata={(e) => setDuration(e.currentTarget.duration)}
            className="h-full w-full object-contain"
          />
        ) : (
          <JobPlaceholder job={job} thumbUrl={thumbUrl} now={now} />
        )}
        <div className="pointer-events-none absolute left-2 top-2">
          <StatusBadge status={job.status} />
        </div>
        {done && thumbUrl && (
          // biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot optimise it
          <img
            src={thumbUrl}
            alt={t("video.startThumb")}
            className="pointer-events-none absolute right-2 top-2 h-10 w-14 rounded-md border border-white/40 object-cover shadow"
          />
        )}
      </div>

      <div className="flex flex-1 flex-col gap-2.5 p-3">
        <p className="line-clamp-3 text-sm leading-relaxed" title={job.prompt}>
          {job.prompt}
        </p>
        <div className="flex flex-wrap gap-1">
          <span className={chip}>
            {t(
              job.params.lastFrame
                ? "video.kind.frames"
                : job.params.imageToVideo
                  ? "video.kind.i2v"
                  : "video.kind.t2v",
            )}
          </span>
          <span className={chip} title={job.model.id}>
            {shortModelName(job.model.id)}
          </span>
          {size && <span className={chip}>{size.replace("x", "×")}</span>}
          {seed !== undefined && <span className={chip}>{t("video.seedValue", { seed })}</span>}
          {typeof job.params.fps === "number" && (
            <span className={chip}>{t("video.fpsValue", { n: job.params.fps })}</span>
          )}
          {job.params.withAudio === true && <span className={chip}>{t("video.audio")}</span>}
          {duration !== undefined && Number.isFinite(duration) && (
            <span className={chip}>{t("video.seconds", { s: duration.toFixed(1) })}</span>
          )}
        </div>

        {job.failure && (job.status === "failed" || job.status === "expired") && (
          <ErrorAlert
            error={asAlert(job.failure)}
            title={t(job.status === "expired" ? "video.expiredTitle" : "video.failedTitle")}
            // The provider's reason is the explanation here, not a technical detail.
            detailOpen
          />
        )}
        {active && job.lastError && (
          <p className="text-xs text-amber-700 dark:text-amber-300" title={job.lastError.detail}>
            {t("video.stillTrying")}
          </p>
        )}

        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 pt-2 dark:border-zinc-800">
          <p className="text-[11px] tabular-nums text-zinc-500">
            <time dateTime={new Date(job.createdAt).toISOString()}>{created}</time>
            {/* While it runs, the one elapsed clock is on the picture (JobPlaceholder). */}
            {!active && ` · ${t("video.took", { time: formatElapsed(jobElapsedMs(job, now)) })}`}
          </p>
          <div className="flex items-center gap-0.5">
            {done && videoUrl && (
              <a href={videoUrl} download={fileName(job)} className={ghostButton}>
                {t("video.download")}
              </a>
            )}
            <button type="button" onClick={() => void reuseVideoJob(job)} className={ghostButton}>
              {t("video.reuse")}
            </button>
            {confirming ? (
              <button
                type="button"
                onClick={() => void removeVideoJob(job.id)}
                className={`${ghostButton} text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950`}
              >
                {t("video.confirmDelete")}
              </button>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} className={ghostButton}>
                {t("video.delete")}
              </button>
            )}
          </div>
        </div>
      </div>
    </article>
  );
}

/** Memoised: a poll rewrites one row, and only that card should re-render. */
export const VideoJobCard = memo(
  VideoJobCardImpl,
  (a, b) => a.job.id === b.job.id && a.job.updatedAt === b.job.updatedAt && a.job.status === b.job.status,
);
