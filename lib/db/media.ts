// Generated media and chat attachments. Provider URLs expire (images in an hour, videos in
// minutes), so the bytes themselves are stored: in `mediaBlobs` (lib/db/blobs.ts), written and
// deleted in the same transaction as the row that refers to them.

import type { Table } from "dexie";
import { blobIdsOf, type MediaBlob, type MediaOwner, mediaBlobRow } from "./blobs";
import { monotonicNow, uuid } from "./ids";
import type { AppDB, Attachment, ImageRecord, SpeechClip, VideoJob, VideoStatus } from "./schema";
import { withQuotaGuard } from "./storage";

export interface PageOptions {
  limit?: number;
  /** Only rows created strictly before this time (the last row's createdAt of the previous page). */
  before?: number;
}

function newestFirst<T>(table: Table<T, string>, { limit = 50, before }: PageOptions): Promise<T[]> {
  const c = before === undefined ? table.orderBy("createdAt") : table.where("createdAt").below(before);
  return c.reverse().limit(limit).toArray();
}

// ---- the bytes (lib/db/blobs.ts) ----

/** A stored Blob by its id (a row's `blobId`, `startImageId`, …); undefined once it is deleted. */
export async function getMediaBlob(db: AppDB, id: string | undefined): Promise<Blob | undefined> {
  if (!id) return undefined;
  return (await db.mediaBlobs.get(id))?.blob;
}

/** Deletes media rows and every blob they refer to; call inside a transaction over both tables. */
async function deleteWithBlobs(db: AppDB, owner: MediaOwner, ids: string[]): Promise<void> {
  const table = db.table<object, string>(owner);
  const rows = await table.bulkGet(ids);
  await db.mediaBlobs.bulkDelete(rows.flatMap((r) => blobIdsOf(owner, r)));
  await table.bulkDelete(ids);
}

// ---- images ----

export type NewImage = Omit<ImageRecord, "id" | "createdAt" | "mime" | "blobId"> & {
  id?: string;
  createdAt?: number;
  mime?: string;
  /** The bytes, stored in `mediaBlobs` beside the row (a `blobId` given here is replaced). */
  blob: Blob;
  blobId?: string;
};

function imageRows(input: NewImage): [ImageRecord, MediaBlob] {
  const { blob, ...rest } = input;
  const mime = input.mime ?? (blob.type || "image/png");
  const createdAt = input.createdAt ?? monotonicNow();
  const bytes = mediaBlobRow("images", blob, mime, createdAt);
  return [{ ...rest, id: input.id ?? uuid(), createdAt, mime, blobId: bytes.id }, bytes];
}

export async function saveImage(db: AppDB, input: NewImage): Promise<ImageRecord> {
  const [row] = await saveImages(db, [input]);
  return row as ImageRecord;
}

/** Several images of one batch in one transaction: all are stored (rows and bytes) or, on a full disk, none. */
export async function saveImages(db: AppDB, inputs: NewImage[]): Promise<ImageRecord[]> {
  const pairs = inputs.map(imageRows);
  await withQuotaGuard(() =>
    db.transaction("rw", db.images, db.mediaBlobs, async () => {
      await db.mediaBlobs.bulkAdd(pairs.map(([, b]) => b));
      await db.images.bulkAdd(pairs.map(([r]) => r));
    }),
  );
  return pairs.map(([r]) => r);
}

export function listImages(db: AppDB, page: PageOptions = {}): Promise<ImageRecord[]> {
  return newestFirst(db.images, page);
}

export function getImage(db: AppDB, id: string): Promise<ImageRecord | undefined> {
  return db.images.get(id);
}

/** The image and its bytes. */
export async function deleteImage(db: AppDB, id: string): Promise<void> {
  await db.transaction("rw", db.images, db.mediaBlobs, () => deleteWithBlobs(db, "images", [id]));
}

/** Every image id, newest first: a virtualized gallery reads only the rows it shows (keys only, no Blobs). */
export async function listImageIds(db: AppDB): Promise<string[]> {
  return (await db.images.orderBy("createdAt").reverse().primaryKeys()) as string[];
}

/** Rows for the given ids in the same order; a deleted id gives undefined. */
export function getImages(db: AppDB, ids: string[]): Promise<(ImageRecord | undefined)[]> {
  return db.images.bulkGet(ids);
}

/** The images of one Generate press, in the order they were made (oldest first). */
export async function imagesInBatch(db: AppDB, batchId: string): Promise<ImageRecord[]> {
  const rows = await db.images.where("batchId").equals(batchId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

// ---- video jobs ----

type VideoRefs = "blobId" | "startImageId" | "lastImageId";

/** The job's pictures and video come as Blobs; they are stored in `mediaBlobs` and the row keeps ids. */
export type NewVideoJob = Omit<VideoJob, "id" | "createdAt" | "updatedAt" | "status" | VideoRefs> & {
  id?: string;
  status?: VideoStatus;
  createdAt?: number;
  startImage?: Blob;
  lastImage?: Blob;
  blob?: Blob;
};

/** Store the job as soon as the provider returns its requestId: polling resumes from this row after a reload. */
export async function saveVideoJob(db: AppDB, input: NewVideoJob): Promise<VideoJob> {
  const now = monotonicNow();
  const { startImage, lastImage, blob, ...rest } = input;
  const createdAt = input.createdAt ?? now;
  const row: VideoJob = {
    ...rest,
    id: input.id ?? uuid(),
    status: input.status ?? "queued",
    createdAt,
    updatedAt: now,
  };
  const bytes: MediaBlob[] = [];
  const keep = (b: Blob | undefined, mime?: string) => {
    if (!b) return undefined;
    const stored = mediaBlobRow("videos", b, mime, createdAt);
    bytes.push(stored);
    return stored.id;
  };
  const ids = { startImageId: keep(startImage), lastImageId: keep(lastImage), blobId: keep(blob, input.mime) };
  for (const [k, v] of Object.entries(ids)) if (v) row[k as VideoRefs] = v;
  await withQuotaGuard(() =>
    db.transaction("rw", db.videos, db.mediaBlobs, async () => {
      await db.mediaBlobs.bulkAdd(bytes);
      await db.videos.add(row);
    }),
  );
  return row;
}

export type VideoJobChanges = Partial<Omit<VideoJob, "id" | "requestId" | "createdAt" | VideoRefs>> & {
  /** The downloaded video: stored in `mediaBlobs`, its id in the row's `blobId`. */
  blob?: Blob;
};

/** Applies a poll result. Terminal states also stamp finishedAt; a downloaded video goes in `blob`. */
export async function updateVideoJob(db: AppDB, id: string, changes: VideoJobChanges): Promise<void> {
  const now = Date.now();
  const { blob, ...rest } = changes;
  const patch: Partial<VideoJob> = { ...rest, updatedAt: now };
  if (changes.status && isTerminal(changes.status) && changes.finishedAt === undefined) patch.finishedAt = now;
  await withQuotaGuard(() =>
    db.transaction("rw", db.videos, db.mediaBlobs, async () => {
      const row = await db.videos.get(id);
      if (!row) return;
      if (changes.status === "running" && changes.startedAt === undefined && row.startedAt === undefined) {
        patch.startedAt = now;
      }
      if (blob) {
        const stored = mediaBlobRow("videos", blob, changes.mime ?? row.mime);
        await db.mediaBlobs.add(stored);
        // A second download of the same job replaces the first rather than leaving it behind.
        if (row.blobId) await db.mediaBlobs.delete(row.blobId);
        patch.blobId = stored.id;
      }
      await db.videos.update(id, patch);
    }),
  );
}

/**
 * Fills in the provider's job id on a row written before submitting (the row exists first, so a
 * reload in between leaves a job that says it was interrupted rather than no job at all).
 */
export async function attachVideoRequestId(db: AppDB, id: string, requestId: string): Promise<void> {
  await withQuotaGuard(() => db.videos.update(id, { requestId, updatedAt: Date.now() }));
}

export function isTerminal(status: VideoStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "expired";
}

export function getVideoJob(db: AppDB, id: string): Promise<VideoJob | undefined> {
  return db.videos.get(id);
}

export function findVideoJobByRequestId(db: AppDB, requestId: string): Promise<VideoJob | undefined> {
  return db.videos.where("requestId").equals(requestId).first();
}

export function listVideoJobs(db: AppDB, page: PageOptions = {}): Promise<VideoJob[]> {
  return newestFirst(db.videos, page);
}

/** Jobs still to poll (queued or running), oldest first. */
export async function activeVideoJobs(db: AppDB): Promise<VideoJob[]> {
  const rows = await db.videos.where("status").anyOf("queued", "running").toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** The job, its video and its pictures. */
export async function deleteVideoJob(db: AppDB, id: string): Promise<void> {
  await db.transaction("rw", db.videos, db.mediaBlobs, () => deleteWithBlobs(db, "videos", [id]));
}

// ---- speech ----

export type NewSpeechClip = Omit<SpeechClip, "id" | "createdAt" | "mime" | "blobId"> & {
  id?: string;
  createdAt?: number;
  mime?: string;
  blob: Blob;
};

/** The clip and its audio, in one transaction. */
export async function saveSpeechClip(db: AppDB, input: NewSpeechClip): Promise<SpeechClip> {
  const { blob, ...rest } = input;
  const createdAt = input.createdAt ?? monotonicNow();
  const mime = input.mime ?? (blob.type || "audio/mpeg");
  const bytes = mediaBlobRow("speech", blob, mime, createdAt);
  const row: SpeechClip = { ...rest, id: input.id ?? uuid(), createdAt, mime, blobId: bytes.id };
  await withQuotaGuard(() =>
    db.transaction("rw", db.speech, db.mediaBlobs, async () => {
      await db.mediaBlobs.add(bytes);
      await db.speech.add(row);
    }),
  );
  return row;
}

export function listSpeechClips(db: AppDB, page: PageOptions = {}): Promise<SpeechClip[]> {
  return newestFirst(db.speech, page);
}

export async function deleteSpeechClip(db: AppDB, id: string): Promise<void> {
  await db.transaction("rw", db.speech, db.mediaBlobs, () => deleteWithBlobs(db, "speech", [id]));
}

// ---- chat attachments ----

/**
 * Message parts refer to a stored attachment as `attachment:<id>` instead of holding a data URL,
 * so opening a long conversation does not read (and base64-inflate) every image in it. Resolve
 * to a data URL when sending and to an object URL when showing.
 */
export const ATTACHMENT_URL_PREFIX = "attachment:";

export function attachmentUrl(id: string): string {
  return `${ATTACHMENT_URL_PREFIX}${id}`;
}

export function parseAttachmentUrl(url: string): string | null {
  return url.startsWith(ATTACHMENT_URL_PREFIX) ? url.slice(ATTACHMENT_URL_PREFIX.length) : null;
}

export interface NewAttachment {
  id?: string;
  messageId: string;
  conversationId: string;
  blob: Blob;
  name: string;
  mime?: string;
  width?: number;
  height?: number;
}

/** The attachment row and its bytes, in one transaction. */
export async function saveAttachment(db: AppDB, input: NewAttachment): Promise<Attachment> {
  const createdAt = monotonicNow();
  const mime = input.mime ?? (input.blob.type || "application/octet-stream");
  const bytes = mediaBlobRow("attachments", input.blob, mime, createdAt);
  const row: Attachment = {
    id: input.id ?? uuid(),
    messageId: input.messageId,
    conversationId: input.conversationId,
    createdAt,
    name: input.name,
    mime,
    size: input.blob.size,
    blobId: bytes.id,
  };
  if (input.width !== undefined) row.width = input.width;
  if (input.height !== undefined) row.height = input.height;
  await withQuotaGuard(() =>
    db.transaction("rw", db.attachments, db.mediaBlobs, async () => {
      await db.mediaBlobs.add(bytes);
      await db.attachments.add(row);
    }),
  );
  return row;
}

/** An attachment with its bytes, for sending it; undefined when either is gone. */
export type LoadedAttachment = Attachment & { blob: Blob };

export async function getAttachmentWithBlob(db: AppDB, id: string): Promise<LoadedAttachment | undefined> {
  return db.transaction("r", db.attachments, db.mediaBlobs, async () => {
    const row = await db.attachments.get(id);
    const blob = await getMediaBlob(db, row?.blobId);
    return row && blob ? { ...row, blob } : undefined;
  });
}

/** An attachment's bytes by the attachment's id (what an `attachment:<id>` url names). */
export async function getAttachmentBlob(db: AppDB, id: string): Promise<Blob | undefined> {
  return db.transaction("r", db.attachments, db.mediaBlobs, async () =>
    getMediaBlob(db, (await db.attachments.get(id))?.blobId),
  );
}

/** Deletes attachments and their bytes; call inside a transaction over attachments and mediaBlobs. */
export function deleteAttachments(db: AppDB, ids: string[]): Promise<void> {
  return deleteWithBlobs(db, "attachments", ids);
}

export function getAttachment(db: AppDB, id: string): Promise<Attachment | undefined> {
  return db.attachments.get(id);
}

export async function attachmentsFor(db: AppDB, messageId: string): Promise<Attachment[]> {
  const rows = await db.attachments.where("messageId").equals(messageId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

export async function attachmentsForConversation(db: AppDB, conversationId: string): Promise<Attachment[]> {
  const rows = await db.attachments.where("conversationId").equals(conversationId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** Total bytes of stored media per kind, for the Settings storage panel (blob rows carry their size and owner). */
export async function mediaUsage(db: AppDB): Promise<Record<MediaOwner, number>> {
  const totals: Record<MediaOwner, number> = { images: 0, videos: 0, speech: 0, attachments: 0 };
  await db.mediaBlobs.each((b) => {
    if (b.owner in totals) totals[b.owner] += b.size;
  });
  return totals;
}
