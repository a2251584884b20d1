"use client";

import { useCallback } from "react";
import { loadModels, useModels } from "@/lib/providers/client/models";
import type { VideoJob } from "@/lib/video/client/db";

export { useNow } from "@/components/ui/use-now";
export { useMediaUrl, useObjectUrl } from "@/components/ui/use-object-url";

/** Video models from /api/models (the provider's list joined with the capability catalog). */
export function useVideoModels() {
  const list = useModels("video");
  // Until the first answer there is no list (null), not an empty one; a reload keeps the last list.
  const models = list.status === "ready" || list.models.length > 0 ? list.models : null;
  const failed = list.providerErrors[0];
  const error = list.error ?? (list.status === "ready" && list.models.length === 0 && failed ? failed.error : null);
  const reload = useCallback(() => loadModels("video", true), []);
  return { models, error, reload };
}

/** "Wan-AI/Wan2.2-I2V-A14B" → "Wan2.2-I2V-A14B": the organisation prefix adds little in a picker. */
export function shortModelName(id: string): string {
  return id.includes("/") ? id.slice(id.lastIndexOf("/") + 1) : id;
}

/**
 * How long a job has taken: from the moment it was submitted until it ended (or now). The one clock
 * for every label of a job (queued or rendering, before or after a reload), so no two labels differ.
 */
export function jobElapsedMs(job: Pick<VideoJob, "createdAt" | "finishedAt">, now: number): number {
  return (job.finishedAt ?? now) - job.createdAt;
}

/** m:ss (or h:mm:ss) for elapsed times. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
