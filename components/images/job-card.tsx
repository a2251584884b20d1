"use client";

import { ErrorAlert } from "@/components/ui/error-alert";
import { useT } from "@/lib/i18n/client";
import { type ImageJob, useImageStore } from "@/lib/images/client/store";
import { formatSeconds } from "./hooks";

function ratioOf(size: string): string {
  const [w, h] = size.split("x");
  return `${w ?? 1} / ${h ?? 1}`;
}

/** Placeholders of one batch side by side; the card decides the width (see `cardSpan`). */
function gridClass(count: number): string {
  if (count <= 1) return "grid grid-cols-1";
  if (count === 2) return "grid grid-cols-2 gap-3";
  return "grid grid-cols-2 gap-3 md:grid-cols-4";
}

/** Batches of three or four take the full row of the results grid while they run; smaller ones sit two by two. */
function cardSpan(job: ImageJob): string {
  return job.status === "running" && job.batchSize >= 3 ? "xl:col-span-2" : "";
}

/**
 * One Generate press: its elapsed time and placeholders while it runs, or what went wrong. Once it
 * succeeds the card keeps its settings and time; the pictures themselves are in the gallery below
 * (marked as new), so they are not shown twice.
 */
export function JobCard({ job, now }: { job: ImageJob; now: number }) {
  const t = useT();
  // Actions never change: taken from the store, not subscribed to.
  const { cancel, retry, dismiss } = useImageStore.getState();
  const elapsed = (job.finishedAt ?? now) - job.startedAt;
  const running = job.status === "running";

  return (
    <article
      data-testid="image-job"
      data-status={job.status}
      aria-busy={running}
      className={`min-w-0 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${cardSpan(job)}`}
    >
      <header
        className={`flex items-start gap-3 ${job.status === "succeeded" && job.warnings.length === 0 ? "" : "mb-3"}`}
      >
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">{job.prompt}</p>
          <p className="mt-0.5 truncate text-xs text-zinc-500">
            {job.model.id} · {job.size.replace("x", "×")}
            {job.batchSize > 1 ? ` · ×${job.batchSize}` : ""}
            {job.seed != null ? ` · #${job.seed}` : ""}
          </p>
        </div>
        <span
          data-testid="job-elapsed"
          className={`shrink-0 rounded-full px-2.5 py-1 font-mono text-xs tabular-nums ${
            running
              ? "bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-200"
              : job.status === "failed" || job.status === "interrupted"
                ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
                : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          }`}
        >
          {running && (
            <span className="mr-1.5 inline-block size-1.5 animate-pulse rounded-full bg-current align-middle" />
          )}
          {t("images.job.seconds", { s: formatSeconds(elapsed) })}
        </span>
        {running && (
          <button
            type="button"
            onClick={() => cancel(job.id)}
            className="shrink-0 rounded-lg px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {t("images.job.cancel")}
          </button>
        )}
      </header>

      {running && (
        <>
          <div className={gridClass(job.batchSize)}>
            {Array.from({ length: job.batchSize }, (_, i) => (
              <div
                key={i}
                className="relative overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-800/70"
                style={{ aspectRatio: ratioOf(job.size) }}
              >
                <div className="absolute inset-0 animate-pulse bg-gradient-to-br from-violet-200/40 via-transparent to-fuchsia-200/40 dark:from-violet-500/10 dark:to-fuchsia-500/10" />
              </div>
            ))}
          </div>
          <p className="mt-2 text-xs text-zinc-500">{t("images.job.keepOpen")}</p>
        </>
      )}

      {job.warnings.length > 0 && (
        <div className="mt-3">
          <ErrorAlert error={job.warnings[0]!} title={t("images.job.partial", { n: job.warnings.length })} />
        </div>
      )}

      {job.status === "interrupted" && (
        <div
          role="alert"
          className="space-y-2 rounded-xl bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
        >
          <p>{t("images.job.interrupted")}</p>
          <button
            type="button"
            onClick={() => dismiss(job.id)}
            className="rounded-lg px-2 py-1 text-xs font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
          >
            {t("common.dismiss")}
          </button>
        </div>
      )}

      {job.status === "failed" && job.error && (
        <ErrorAlert
          error={job.error}
          title={t("images.job.failed")}
          onRetry={() => retry(job.id)}
          onDismiss={() => dismiss(job.id)}
        />
      )}
    </article>
  );
}
