"use client";

import { useNow as useSharedNow } from "@/components/ui/use-now";
import { useMediaUrl, useObjectUrl } from "@/components/ui/use-object-url";
import type { ImageRecord } from "@/lib/images/client/db";

/** An object URL for a stored image, keyed by its blob id (see useMediaUrl). */
export function useImageUrl(record: Pick<ImageRecord, "blobId"> | undefined): string | undefined {
  return useMediaUrl(record?.blobId);
}

/** An object URL for any Blob (the reference preview), revoked on change and unmount. */
export function useBlobUrl(blob: Blob | undefined | null): string | undefined {
  return useObjectUrl(blob);
}

/** The current time, ticking every 100 ms while `active`: image jobs take seconds, shown to a tenth. */
export function useNow(active: boolean, intervalMs = 100): number {
  return useSharedNow(active, intervalMs);
}

export function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
