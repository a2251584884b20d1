// Media bytes, one table for all (since v5): a `mediaBlobs` row per stored Blob, keyed by id. The
// media rows (images, video jobs, speech clips, attachments) keep the id, so reading a list of them
// never touches bytes; whoever shows or sends the bytes reads them here by id. A media row and its
// blobs are written and deleted in one transaction, so neither outlives the other.

import { monotonicNow, uuid } from "./ids";

/** The tables whose rows refer to media blobs. */
export const MEDIA_OWNERS = ["images", "videos", "speech", "attachments"] as const;
export type MediaOwner = (typeof MEDIA_OWNERS)[number];

export interface MediaBlob {
  id: string;
  blob: Blob;
  mime: string;
  size: number;
  createdAt: number;
  /** The table of the row that refers to it (the Settings panel's bytes per kind, without reading rows). */
  owner: MediaOwner;
}

/**
 * Each owner's reference fields and the Blob property they stood for before v5 (and still stand
 * for in backup files, which keep the bytes inline as data URLs).
 */
export const BLOB_REFS: Record<MediaOwner, Readonly<Record<string, string>>> = {
  images: { blobId: "blob" },
  videos: { blobId: "blob", startImageId: "startImage", lastImageId: "lastImage" },
  speech: { blobId: "blob" },
  attachments: { blobId: "blob" },
};

/** A new blob row (not yet stored) for bytes that `owner` will refer to. */
export function mediaBlobRow(owner: MediaOwner, blob: Blob, mime?: string, createdAt?: number): MediaBlob {
  return {
    id: uuid(),
    blob,
    mime: mime || blob.type || "application/octet-stream",
    size: blob.size,
    createdAt: createdAt ?? monotonicNow(),
    owner,
  };
}

/** The blob ids a row refers to (any of its reference fields that are set). */
export function blobIdsOf(owner: MediaOwner, row: object | undefined): string[] {
  if (!row) return [];
  const r = row as Record<string, unknown>;
  return Object.keys(BLOB_REFS[owner])
    .map((ref) => r[ref])
    .filter((v): v is string => typeof v === "string" && v.length > 0);
}
