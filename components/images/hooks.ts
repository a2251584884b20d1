"use client";

import { useEffect, useState } from "react";
import type { ImageRecord } from "@/lib/images/db";

/**
 * An object URL for a stored image, revoked when the component unmounts or shows another image.
 * Keyed by record id: a live query hands back a new Blob object for the same bytes on every change,
 * and re-creating the URL each time would make the picture flicker.
 */
export function useImageUrl(record: Pick<ImageRecord, "id" | "blob"> | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  const id = record?.id;
  const blob = record?.blob;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the blob of an id never changes; see above.
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [id]);
  return url;
}

/** An object URL for any Blob (the reference preview), revoked on change and unmount. */
export function useBlobUrl(blob: Blob | undefined | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/** The current time, ticking while `active` (elapsed counters of running jobs). */
export function useNow(active: boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

export function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
