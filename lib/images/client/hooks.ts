"use client";

// Live reads of the image gallery for components (which never import lib/db). useLiveQuery, so an
// image saved or deleted in this tab or another one shows at once.

import { useLiveQuery } from "dexie-react-hooks";
import { getImage, imagesInBatch, listImageIds, listImages } from "@/lib/db/media";
import { type ImageRecord, imagesDb } from "./db";

/** One stored image, live: undefined while loading, null once deleted. */
export function useImageRecord(id: string): ImageRecord | null | undefined {
  return useLiveQuery(async () => (await getImage(imagesDb(), id)) ?? null, [id]);
}

/** Every image id, newest first (keys only: cheap even for thousands of images). */
export function useGalleryIds(): string[] | undefined {
  return useLiveQuery(() => listImageIds(imagesDb()), []);
}

/** The newest images, newest first (the pickers of a reference or a start image). */
export function useRecentImages(limit: number): ImageRecord[] | undefined {
  return useLiveQuery(() => listImages(imagesDb(), { limit }), [limit]);
}

/** The ids of the newest stored batch (or the newest image, if it has no batch); [] when there is none. */
export function useLastBatchIds(): string[] | undefined {
  return useLiveQuery(async () => {
    const [latest] = await listImages(imagesDb(), { limit: 1 });
    if (!latest) return [];
    if (!latest.batchId) return [latest.id];
    return (await imagesInBatch(imagesDb(), latest.batchId)).map((r) => r.id);
  }, []);
}
