"use client";

import { memo, useMemo } from "react";
import { useRevealOnPhone } from "@/components/ui/studio-layout";
import { useLastBatchIds } from "@/lib/images/client/hooks";
import { selectJobs } from "@/lib/images/client/selectors";
import { useImageStore } from "@/lib/images/client/store";
import { Gallery } from "./gallery";
import { useNow } from "./hooks";
import { JobCard } from "./job-card";

/**
 * The studio's one place for results: this session's generations (running, failed, or done, newest
 * first) above the gallery of every stored picture. A finished job's pictures are shown once, in the
 * gallery, marked as new (`image-result`); after a reload the newest stored batch is marked instead.
 * Memoised: it takes no props, so typing in the form does not re-render the gallery.
 */
export const ImagesResults = memo(function ImagesResults() {
  const jobs = useImageStore(selectJobs);
  const now = useNow(jobs.some((j) => j.status === "running"));
  const lastBatch = useLastBatchIds();
  // Newest job first, each batch in the order it was made (image 1 of 4 first).
  const fresh = useMemo(
    () => (jobs.length > 0 ? jobs.flatMap((j) => (j.status === "succeeded" ? j.imageIds : [])) : (lastBatch ?? [])),
    [jobs, lastBatch],
  );
  // Jobs live in memory: those on screen when the page opens are not new, the next Generate is.
  const newest = useRevealOnPhone<HTMLDivElement>(jobs[0]?.id ?? null);

  return (
    <>
      <div ref={newest} className="grid scroll-mt-4 items-start gap-4 empty:hidden xl:grid-cols-2">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} now={now} />
        ))}
      </div>
      <Gallery fresh={fresh} showEmpty={jobs.length === 0} />
    </>
  );
});
