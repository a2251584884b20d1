"use client";

import { useT } from "@/lib/i18n/client";
import { useLastBatchIds } from "@/lib/images/hooks";
import { useImageStore } from "@/lib/images/store";
import { useNow } from "./hooks";
import { SparkIcon } from "./icons";
import { ImageTile } from "./image-tile";
import { cardSpan, gridClass, JobCard } from "./job-card";

/** The newest stored batch, shown after a reload until the next Generate. */
function LastBatch() {
  const t = useT();
  const ids = useLastBatchIds();
  if (ids === undefined) return null;
  if (ids.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-2xl border border-dashed xl:col-span-2 border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
        <span className="mb-3 inline-flex size-10 items-center justify-center rounded-full bg-violet-100 text-violet-700 dark:bg-violet-900/50 dark:text-violet-200">
          <SparkIcon width={20} height={20} />
        </span>
        <p className="font-medium">{t("images.results.emptyTitle")}</p>
        <p className="mt-1 max-w-md text-sm text-zinc-500">{t("images.results.emptyBody")}</p>
      </div>
    );
  }
  return (
    <div
      className={`min-w-0 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${cardSpan(ids.length)}`}
    >
      <p className="mb-3 text-xs font-medium text-zinc-500">{t("images.results.last")}</p>
      <div className={gridClass(ids.length)}>
        {ids.map((id) => (
          <ImageTile key={id} id={id} testId="image-result" shape="natural" />
        ))}
      </div>
    </div>
  );
}

/** This session's generations, newest first; several may run at once. */
export function ResultsPanel() {
  const t = useT();
  const jobs = useImageStore((s) => s.jobs);
  const now = useNow(jobs.some((j) => j.status === "running"));
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
        {t("images.results")}
      </h2>
      <div className="grid items-start gap-4 xl:grid-cols-2">
        {jobs.length === 0 ? <LastBatch /> : jobs.map((job) => <JobCard key={job.id} job={job} now={now} />)}
      </div>
    </section>
  );
}
