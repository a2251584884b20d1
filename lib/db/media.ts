// Generated media and chat attachments. Provider URLs expire (images in an hour, videos in
// minutes), so the bytes themselves are stored, always in unindexed properties.

import type { Table } from "dexie";
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

// ---- images ----

export type NewImage = Omit<ImageRecord, "id" | "createdAt" | "mime"> & {
  id?: string;
  createdAt?: number;
  mime?: string;
};

export async function saveImage(db: AppDB, input: NewImage): Promise<ImageRecord> {
  const row: ImageRecord = {
    ...input,
    id: input.id ?? uuid(),
    createdAt: input.createdAt ?? monotonicNow(),
    mime: input.mime ?? (input.blob.type || "image/png"),
  };
  await withQuotaGuard(() => db.images.add(row));
  return row;
}

/** Several images of one batch in one transaction: all are stored or, on a full disk, none. */
export async function saveImages(db: AppDB, inputs: NewImage[]): Promise<ImageRecord[]> {
  const rows = inputs.map<ImageRecord>((input) => ({
    ...input,
    id: input.id ?? uuid(),
    createdAt: input.createdAt ?? monotonicNow(),
    mime: input.mime ?? (input.blob.type || "image/png"),
  }));
  await withQuotaGuard(() => db.images.bulkAdd(rows));
  return rows;
}

export function listImages(db: AppDB, page: PageOptions = {}): Promise<ImageRecord[]> {
  return newestFirst(db.images, page);
}

export function getImage(db: AppDB, id: string): Promise<ImageRecord | undefined> {
  return db.images.get(id);
}

export async function deleteImage(db: AppDB, id: string): Promise<void> {
  await db.images.delete(id);
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

export type NewVideoJob = Omit<VideoJob, "id" | "createdAt" | "updatedAt" | "status"> & {
  id?: string;
  status?: VideoStatus;
  createdAt?: number;
};

/** Store the job as soon as the provider returns its requestId: polling resumes from this row after a reload. */
export async function saveVideoJob(db: AppDB, input: NewVideoJob): Promise<VideoJob> {
  const now = monotonicNow();
  const row: VideoJob = {
    ...input,
    id: input.id ?? uuid(),
    status: input.status ?? "queued",
    createdAt: input.createdAt ?? now,
    updatedAt: now,
  };
  await withQuotaGuard(() => db.videos.add(row));
  return row;
}

export type VideoJobChanges = Partial<Omit<VideoJob, "id" | "requestId" | "createdAt">>;

/** Applies a poll result. Terminal states also stamp finishedAt; a downloaded video goes in `blob`. */
export async function updateVideoJob(db: AppDB, id: string, changes: VideoJobChanges): Promise<void> {
  const now = Date.now();
  const patch: VideoJobChanges = { ...changes, updatedAt: now };
  if (changes.status === "running" && changes.startedAt === undefined) {
    const row = await db.videos.get(id);
    if (row && row.startedAt === undefined) patch.startedAt = now;
  }
  if (changes.status && isTerminal(changes.status) && changes.finishedAt === undefined) patch.finishedAt = now;
  await withQuotaGuard(() => db.videos.update(id, patch));
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

export async function deleteVideoJob(db: AppDB, id: string): Promise<void> {
  await db.videos.delete(id);
}

// ---- speech ----

export type NewSpeechClip = Omit<SpeechClip, "id" | "createdAt" | "mime"> & {
  id?: string;
  createdAt?: number;
  mime?: string;
};

export async function saveSpeechClip(db: AppDB, input: NewSpeechClip): Promise<SpeechClip> {
  const row: SpeechClip = {
    ...input,
    id: input.id ?? uuid(),
    createdAt: input.createdAt ?? monotonicNow(),
    mime: input.mime ?? (input.blob.type || "audio/mpeg"),
  };
  await withQuotaGuard(() => db.speech.add(row));
  return row;
}

export function listSpeechClips(db: AppDB, page: PageOptions = {}): Promise<SpeechClip[]> {
  return newestFirst(db.speech, page);
}

export async function deleteSpeechClip(db: AppDB, id: string): Promise<void> {
  await db.speech.delete(id);
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

export async function saveAttachment(db: AppDB, input: NewAttachment): Promise<Attachment> {
  const row: Attachment = {
    id: input.id ?? uuid(),
    messageId: input.messageId,
    conversationId: input.conversationId,
    createdAt: monotonicNow(),
    name: input.name,
    mime: input.mime ?? (input.blob.type || "application/octet-stream"),
    size: input.blob.size,
    blob: input.blob,
  };
  if (input.width !== undefined) row.width = input.width;
  if (input.height !== undefined) row.height = input.height;
  await withQuotaGuard(() => db.attachments.add(row));
  return row;
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

/** Total bytes of stored media per kind, for the Settings storage panel. */
export async function mediaUsage(db: AppDB): Promise<Record<"images" | "videos" | "speech" | "attachments", number>> {
  const sum = async <T extends { blob?: Blob; startImage?: Blob }>(table: Table<T, string>) => {
    let total = 0;
    await table.each((r) => {
      total += (r.blob?.size ?? 0) + (r.startImage?.size ?? 0);
    });
    return total;
  };
  const [images, videos, speech, attachments] = await Promise.all([
    sum(db.images),
    sum(db.videos),
    sum(db.speech),
    sum(db.attachments),
  ]);
  return { images, videos, speech, attachments };
}
