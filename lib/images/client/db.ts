import { type AppDB, getDB } from "@/lib/db";
import { getImage, getMediaBlob } from "@/lib/db/media";
import type { ImageRecord } from "@/lib/db/schema";

// A stored image, as components see it (they import it from here, not from lib/db).
export type { ImageRecord };

let db: AppDB | undefined;

/** The database, resolved lazily (IndexedDB exists only in the browser); tests can swap it. */
export function imagesDb(): AppDB {
  db ??= getDB();
  return db;
}

/** One stored image by id (the video studio's start image from the gallery). */
export function loadImage(id: string): Promise<ImageRecord | undefined> {
  return getImage(imagesDb(), id);
}

/** A stored image's bytes (undefined once it is deleted). */
export function loadImageBlob(record: Pick<ImageRecord, "blobId">): Promise<Blob | undefined> {
  return getMediaBlob(imagesDb(), record.blobId);
}

export function setImagesDb(next: AppDB | undefined): void {
  db = next;
}
