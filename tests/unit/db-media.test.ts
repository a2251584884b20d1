import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  ATTACHMENT_URL_PREFIX,
  activeVideoJobs,
  attachmentsFor,
  attachmentUrl,
  deleteImage,
  deleteSpeechClip,
  deleteVideoJob,
  findVideoJobByRequestId,
  getImage,
  getImages,
  getMediaBlob,
  imagesInBatch,
  listImageIds,
  listImages,
  listSpeechClips,
  listVideoJobs,
  mediaUsage,
  parseAttachmentUrl,
  saveAttachment,
  saveImage,
  saveImages,
  saveSpeechClip,
  saveVideoJob,
  updateVideoJob,
  uuid,
} from "@/lib/db";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-media-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const bytes = (...b: number[]) => new Uint8Array(b);
const sf = (id: string) => ({ provider: "siliconflow" as const, id });

describe("media", () => {
  it("stores image Blobs (bytes, not links) and lists newest first with paging", async () => {
    const db = freshDb();
    const first = await saveImage(db, {
      prompt: "a cat",
      model: sf("Kwai-Kolors/Kolors"),
      params: { image_size: "1024x1024", num_inference_steps: 20 },
      seed: 42,
      timings: { inference: 1.5 },
      blob: new Blob([bytes(137, 80, 78, 71)], { type: "image/png" }),
    });
    const batch = await saveImages(db, [
      {
        prompt: "a dog",
        model: sf("Kwai-Kolors/Kolors"),
        params: {},
        blob: new Blob([bytes(1)], { type: "image/jpeg" }),
        batchId: "b1",
      },
      {
        prompt: "a dog",
        model: sf("Kwai-Kolors/Kolors"),
        params: {},
        blob: new Blob([bytes(2)], { type: "image/jpeg" }),
        batchId: "b1",
      },
    ]);

    const stored = await getImage(db, first.id);
    // The row names its bytes; they are read apart (lists never carry them).
    expect(stored).not.toHaveProperty("blob");
    const storedBlob = await getMediaBlob(db, stored?.blobId);
    expect(storedBlob).toBeInstanceOf(Blob);
    expect(stored?.mime).toBe("image/png");
    expect([...new Uint8Array(await storedBlob!.arrayBuffer())]).toEqual([137, 80, 78, 71]);
    expect(stored).toMatchObject({ seed: 42, timings: { inference: 1.5 }, params: { num_inference_steps: 20 } });

    const page1 = await listImages(db, { limit: 2 });
    expect(page1.map((i) => i.id)).toEqual([batch[1]!.id, batch[0]!.id]);
    const page2 = await listImages(db, { limit: 2, before: page1.at(-1)!.createdAt });
    expect(page2.map((i) => i.id)).toEqual([first.id]);

    expect(await listImageIds(db)).toEqual([batch[1]!.id, batch[0]!.id, first.id]);
    expect((await imagesInBatch(db, "b1")).map((i) => i.id)).toEqual([batch[0]!.id, batch[1]!.id]);
    expect((await getImages(db, [first.id, "nope"])).map((i) => i?.prompt)).toEqual(["a cat", undefined]);

    await deleteImage(db, first.id);
    expect(await db.images.count()).toBe(2);
    // Its bytes went with it, in the same transaction.
    expect(await db.mediaBlobs.get(stored!.blobId)).toBeUndefined();
    expect(await db.mediaBlobs.count()).toBe(2);
    expect((await mediaUsage(db)).images).toBe(2);
  });

  it("keeps video jobs durable from the requestId on, through to the downloaded video", async () => {
    const db = freshDb();
    const job = await saveVideoJob(db, {
      requestId: "req-1",
      model: sf("Wan-AI/Wan2.1-T2V-14B"),
      prompt: "waves",
      params: { image_size: "1280x720" },
      startImage: new Blob([bytes(137, 80, 78, 71, 9)], { type: "image/png" }),
    });
    const other = await saveVideoJob(db, {
      requestId: "req-2",
      model: sf("Wan-AI/Wan2.1-T2V-14B"),
      prompt: "x",
      params: {},
    });
    expect(job.status).toBe("queued");
    expect((await activeVideoJobs(db)).map((j) => j.id)).toEqual([job.id, other.id]);

    await updateVideoJob(db, job.id, { status: "queued", position: 3 });
    await updateVideoJob(db, job.id, { status: "running" });
    const running = await findVideoJobByRequestId(db, "req-1");
    expect(running?.status).toBe("running");
    expect(running?.startedAt).toBeTypeOf("number");

    await updateVideoJob(db, job.id, {
      status: "succeeded",
      blob: new Blob([bytes(0, 0, 0, 24)], { type: "video/mp4" }),
      mime: "video/mp4",
    });
    await updateVideoJob(db, other.id, {
      status: "failed",
      failure: { code: "content_blocked", message: { en: "blocked", zh: "拦截" } },
    });
    const done = await db.videos.get(job.id);
    expect(done?.finishedAt).toBeTypeOf("number");
    expect((await getMediaBlob(db, done?.blobId))?.size).toBe(4);
    expect((await getMediaBlob(db, done?.startImageId))?.size).toBe(5);
    expect(done?.lastImageId).toBeUndefined();
    expect(await mediaUsage(db)).toMatchObject({ videos: 9 });
    expect(await activeVideoJobs(db)).toEqual([]);
    expect((await listVideoJobs(db)).map((j) => j.status)).toEqual(["failed", "succeeded"]);

    // A second download replaces the first video; deleting the job deletes its video and start image.
    await updateVideoJob(db, job.id, { blob: new Blob([bytes(0, 0, 0, 28, 1)], { type: "video/mp4" }) });
    const again = await db.videos.get(job.id);
    expect(again?.blobId).not.toBe(done?.blobId);
    expect(await db.mediaBlobs.count()).toBe(2);
    await deleteVideoJob(db, job.id);
    expect(await db.mediaBlobs.count()).toBe(0);
  });

  it("stores speech clips with their settings", async () => {
    const db = freshDb();
    const clip = await saveSpeechClip(db, {
      text: "你好",
      model: sf("FunAudioLLM/CosyVoice2-0.5B"),
      voice: "FunAudioLLM/CosyVoice2-0.5B:alex",
      settings: { speed: 1.2, gain: 0, response_format: "mp3" },
      blob: new Blob([bytes(73, 68, 51)], { type: "audio/mpeg" }),
    });
    expect(clip.mime).toBe("audio/mpeg");
    const [listed] = await listSpeechClips(db);
    expect(listed?.settings).toEqual({ speed: 1.2, gain: 0, response_format: "mp3" });
    expect((await getMediaBlob(db, listed?.blobId))?.size).toBe(3);
    await deleteSpeechClip(db, clip.id);
    expect(await listSpeechClips(db)).toEqual([]);
    expect(await db.mediaBlobs.count()).toBe(0);
  });

  it("stores chat attachments per message and refers to them by attachment: URLs", async () => {
    const db = freshDb();
    const a = await saveAttachment(db, {
      messageId: "m1",
      conversationId: "c1",
      blob: new Blob([bytes(1, 2)], { type: "image/webp" }),
      name: "shot.webp",
      width: 10,
      height: 20,
    });
    await saveAttachment(db, { messageId: "m2", conversationId: "c1", blob: new Blob([bytes(3)]), name: "b" });
    const list = await attachmentsFor(db, "m1");
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: "shot.webp", mime: "image/webp", size: 2, width: 10, height: 20 });
    expect(attachmentUrl(a.id)).toBe(`${ATTACHMENT_URL_PREFIX}${a.id}`);
    expect(parseAttachmentUrl(attachmentUrl(a.id))).toBe(a.id);
    expect(parseAttachmentUrl("data:image/png;base64,AAA")).toBeNull();
  });
});
