"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiJson } from "@/lib/api-client";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { VideoJob } from "@/lib/video/client/db";

/**
 * An object URL for a stored Blob, revoked when unused. Keyed by `key`, not by the Blob: every
 * IndexedDB re-read returns a new Blob object for the same bytes, and a new URL would restart a
 * playing video each time another job's row changes.
 */
export function useObjectUrl(blob: Blob | undefined | null, key: string): string | undefined {
  const [url, setUrl] = useState<string>();
  const blobRef = useRef(blob);
  blobRef.current = blob;
  const present = Boolean(blob);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on purpose (see above)
  useEffect(() => {
    const current = blobRef.current;
    if (!current) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(current);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [key, present]);
  return url;
}

/** The current time, ticking once a second while `active` (for elapsed-time labels). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

interface ModelsResponse {
  models: ModelInfo[];
  errors: { provider: string; error: AppErrorJSON }[];
}

/** Video models from /api/models (the provider's list joined with the capability catalog). */
export function useVideoModels() {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [error, setError] = useState<AppErrorJSON | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const res = await apiJson<ModelsResponse>("/api/models?type=video");
      setModels(res.models);
      const failed = res.errors[0];
      if (res.models.length === 0 && failed) setError(failed.error);
    } catch (err) {
      setError(AppError.from(err).toJSON());
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { models, error, reload: load };
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
