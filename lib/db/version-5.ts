// Version 5: media bytes in one table (issue 19). Images, video jobs, speech clips and chat
// attachments held their Blobs in their own rows, so every list of rows (the gallery, the jobs,
// the spending panel) walked past their bytes. Now each Blob is a row of `mediaBlobs`, keyed by
// id, and the media row keeps only a reference (`blobId`, `startImageId`, `lastImageId`).

import type { Transaction } from "dexie";
import { BLOB_REFS, MEDIA_OWNERS, type MediaBlob, mediaBlobRow } from "./blobs";
import { V4_STORES } from "./version-4";

export const V5_STORES = {
  ...V4_STORES,
  mediaBlobs: "id",
} as const;

/**
 * v4 → v5: moves every Blob out of its row into `mediaBlobs` and leaves its id in the row. A row
 * without a Blob in a field (a video still queued, no last frame) gets no reference for it; a field
 * holding something that is not a Blob (a damaged row) is dropped rather than kept as a fake one.
 */
export async function upgradeV4ToV5(tx: Transaction): Promise<void> {
  const blobs = tx.table<MediaBlob, string>("mediaBlobs");
  for (const owner of MEDIA_OWNERS) {
    const table = tx.table<Record<string, unknown>, string>(owner);
    // Keys first, then rows in pages: an upgrade of a large gallery never holds every row at once.
    const ids = (await table.toCollection().primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += 100) {
      const rows = (await table.bulkGet(ids.slice(i, i + 100))).filter((r) => r !== undefined);
      const moved: MediaBlob[] = [];
      for (const row of rows) {
        for (const [ref, field] of Object.entries(BLOB_REFS[owner])) {
          const value = row[field];
          delete row[field];
          if (!(value instanceof Blob)) continue;
          const mime = field === "blob" && typeof row.mime === "string" && row.mime ? row.mime : undefined;
          const blob = mediaBlobRow(owner, value, mime, typeof row.createdAt === "number" ? row.createdAt : undefined);
          row[ref] = blob.id;
          moved.push(blob);
        }
      }
      await blobs.bulkAdd(moved);
      await table.bulkPut(rows);
    }
  }
}
