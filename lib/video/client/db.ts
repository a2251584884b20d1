// The video slice's stored jobs, for components (which never import lib/db). Jobs are written by
// lib/video/jobs.ts and the poller; a component only lists them (hooks.ts) and deletes one.

import { getDB } from "@/lib/db";
import { deleteVideoJob } from "@/lib/db/media";

export type { VideoJob } from "@/lib/db/schema";

/** The job and its stored video and cover (one row), for good. */
export function removeVideoJob(id: string): Promise<void> {
  return deleteVideoJob(getDB(), id);
}
