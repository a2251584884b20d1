"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { getDB } from "@/lib/db";
import { listVideoJobs } from "@/lib/db/media";
import type { VideoJob } from "./db";

/** The newest stored jobs, newest first, live across tabs (Dexie broadcasts writes between tabs). */
export function useVideoJobs(limit: number): VideoJob[] | undefined {
  return useLiveQuery(() => listVideoJobs(getDB(), { limit }), [limit]);
}
