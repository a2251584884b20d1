// The video slice's stored jobs, for components (which never import lib/db). Jobs are written by
// jobs.ts and the poller; a component only lists them (hooks.ts) and deletes one.

import { getDB } from "@/lib/db";
import { deleteVideoJob, getMediaBlob } from "@/lib/db/media";
import type { VideoJob } from "@/lib/db/schema";
import { useVideoForm } from "./form-store";

export type { VideoJob };

/** The job and its stored video and cover (one row), for good. */
export function removeVideoJob(id: string): Promise<void> {
  return deleteVideoJob(getDB(), id);
}

/** "Reuse settings": the job's prompt and parameters back in the form, with its stored frames. */
export async function reuseVideoJob(job: VideoJob): Promise<void> {
  const db = getDB();
  const [start, last] = await Promise.all([getMediaBlob(db, job.startImageId), getMediaBlob(db, job.lastImageId)]);
  useVideoForm.getState().reuse(job, { start, last });
}
