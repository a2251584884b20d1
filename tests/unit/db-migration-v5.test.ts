import "fake-indexeddb/auto";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  attachmentUrl,
  deleteConversation,
  deleteImage,
  deleteVideoJob,
  getAttachmentWithBlob,
  getImage,
  getMediaBlob,
  getVideoJob,
  listSpeechClips,
  mediaUsage,
  SCHEMA_VERSION,
  uuid,
  V1_STORES,
  V2_STORES,
} from "@/lib/db";
import { exportAll } from "@/lib/db/backup";
import { dataUrlToBytes } from "@/lib/db/backup-format";
import { V3_STORES } from "@/lib/db/version-3";
import { V4_STORES } from "@/lib/db/version-4";

// v4 → v5 (issue 19): every media Blob leaves its row for the `mediaBlobs` table and the row keeps
// its id. The rows are written by Dexie at the v4 schema, as the released app wrote them.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
const jpeg = new Uint8Array([255, 216, 255, 224, 4, 5]);
const mp4 = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 7]);
const mp3 = new Uint8Array([73, 68, 51, 3, 0]);
const blob = (bytes: Uint8Array<ArrayBuffer>, type: string) => new Blob([bytes], { type });
const sf = (id: string) => ({ provider: "siliconflow" as const, id });
const bytesOf = async (b: Blob | undefined) => [...new Uint8Array(await b!.arrayBuffer())];

async function v4Database(): Promise<string> {
  const name = `test-migration-v5-${uuid()}`;
  names.push(name);
  const v4 = new Dexie(name);
  v4.version(1).stores(V1_STORES);
  v4.version(2).stores(V2_STORES);
  v4.version(3).stores(V3_STORES);
  v4.version(4).stores(V4_STORES);
  await v4.open();
  await v4.table("images").add({
    id: "i1",
    createdAt: 10,
    prompt: "a cat",
    model: sf("Kwai-Kolors/Kolors"),
    params: { batchSize: 1 },
    mime: "image/png",
    blob: blob(png, "image/png"),
    batchId: "b1",
  });
  const queued = {
    id: "v-queued",
    requestId: "r1",
    model: sf("Wan-AI/Wan2.2-T2V-A14B"),
    prompt: "waves",
    params: {},
    status: "queued",
    createdAt: 20,
    updatedAt: 20,
  };
  await v4.table("videos").bulkAdd([
    queued,
    {
      ...queued,
      id: "v-done",
      requestId: "r2",
      status: "succeeded",
      mime: "video/mp4",
      blob: blob(mp4, "video/mp4"),
      startImage: blob(png, "image/png"),
      lastImage: blob(jpeg, "image/jpeg"),
    },
    // A damaged row: something that is not a Blob where a picture should be.
    { ...queued, id: "v-odd", requestId: "r3", status: "failed", startImage: { not: "a blob" } },
  ]);
  await v4.table("speech").add({
    id: "s1",
    createdAt: 30,
    text: "你好",
    model: sf("FunAudioLLM/CosyVoice2-0.5B"),
    voice: "alex",
    settings: { response_format: "mp3" },
    mime: "audio/mpeg",
    blob: blob(mp3, "audio/mpeg"),
  });
  await v4.table("conversations").add({
    id: "c1",
    title: "Pictures",
    titleSource: "user",
    pinned: 0,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: 0,
    usage: { input: 0, output: 0, reasoning: 0 },
    words: [],
    folderId: "",
  });
  await v4.table("attachments").add({
    id: "a1",
    messageId: "m1",
    conversationId: "c1",
    createdAt: 40,
    name: "shot.jpg",
    mime: "image/jpeg",
    size: jpeg.length,
    blob: blob(jpeg, "image/jpeg"),
  });
  await v4.table("messages").add({
    id: "m1",
    conversationId: "c1",
    parentId: null,
    role: "user",
    parts: [{ type: "file", mediaType: "image/jpeg", url: attachmentUrl("a1") }],
    text: "",
    status: "complete",
    createdAt: 40,
    updatedAt: 40,
    words: [],
  });
  v4.close();
  return name;
}

describe("schema migration v4 → v5 (media blobs in one table)", () => {
  it("moves every Blob into mediaBlobs, leaves references, and reads back byte-equal", async () => {
    const db = new AppDB(await v4Database());
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // image + video (video, start, last) + speech + attachment; the damaged field is dropped.
    expect(await db.mediaBlobs.count()).toBe(6);
    for (const table of ["images", "videos", "speech", "attachments"] as const) {
      for (const row of await db.table(table).toArray()) {
        for (const field of ["blob", "startImage", "lastImage"]) expect(row).not.toHaveProperty(field);
      }
    }

    const image = await getImage(db, "i1");
    expect(image).toMatchObject({ prompt: "a cat", mime: "image/png", batchId: "b1", params: { batchSize: 1 } });
    expect(await bytesOf(await getMediaBlob(db, image?.blobId))).toEqual([...png]);
    expect(await db.mediaBlobs.get(image!.blobId)).toMatchObject({
      mime: "image/png",
      size: png.length,
      owner: "images",
    });

    const done = await getVideoJob(db, "v-done");
    expect(await bytesOf(await getMediaBlob(db, done?.blobId))).toEqual([...mp4]);
    expect(await bytesOf(await getMediaBlob(db, done?.startImageId))).toEqual([...png]);
    expect(await bytesOf(await getMediaBlob(db, done?.lastImageId))).toEqual([...jpeg]);
    expect((await getMediaBlob(db, done?.blobId))?.type).toBe("video/mp4");
    // Rows without a Blob are left as they were.
    expect(await getVideoJob(db, "v-queued")).toEqual({
      id: "v-queued",
      requestId: "r1",
      model: sf("Wan-AI/Wan2.2-T2V-A14B"),
      prompt: "waves",
      params: {},
      status: "queued",
      createdAt: 20,
      updatedAt: 20,
    });
    const odd = await getVideoJob(db, "v-odd");
    expect(odd?.startImageId).toBeUndefined();
    expect(odd?.status).toBe("failed");

    const [clip] = await listSpeechClips(db);
    expect(clip).toMatchObject({ id: "s1", text: "你好", mime: "audio/mpeg" });
    expect(await bytesOf(await getMediaBlob(db, clip?.blobId))).toEqual([...mp3]);

    const attachment = await getAttachmentWithBlob(db, "a1");
    expect(attachment).toMatchObject({ name: "shot.jpg", mime: "image/jpeg", size: jpeg.length });
    expect(await bytesOf(attachment?.blob)).toEqual([...jpeg]);

    expect(await mediaUsage(db)).toEqual({
      images: png.length,
      videos: mp4.length + png.length + jpeg.length,
      speech: mp3.length,
      attachments: jpeg.length,
    });

    // The backup file is written as before: bytes inline under the old names, no references.
    const backup = await exportAll(db);
    const row = backup.images[0]!;
    expect(row).not.toHaveProperty("blobId");
    expect([...dataUrlToBytes(row.blob as string).bytes]).toEqual([...png]);
    const video = backup.videos.find((v) => v.id === "v-done")!;
    expect([...dataUrlToBytes(video.lastImage as string).bytes]).toEqual([...jpeg]);
    expect(backup.videos.find((v) => v.id === "v-queued")).not.toHaveProperty("blob");
    db.close();
  });

  it("deletes a row's blobs with the row", async () => {
    const db = new AppDB(await v4Database());
    await db.open();
    const image = await getImage(db, "i1");
    const video = await getVideoJob(db, "v-done");

    await deleteImage(db, "i1");
    expect(await db.mediaBlobs.get(image!.blobId)).toBeUndefined();
    expect(await db.mediaBlobs.count()).toBe(5);

    await deleteVideoJob(db, "v-done");
    for (const id of [video?.blobId, video?.startImageId, video?.lastImageId]) {
      expect(await db.mediaBlobs.get(id!)).toBeUndefined();
    }
    expect(await db.mediaBlobs.count()).toBe(2);

    await deleteConversation(db, "c1");
    expect(await db.attachments.count()).toBe(0);
    expect(await db.mediaBlobs.count()).toBe(1);
    expect((await db.mediaBlobs.toArray()).map((b) => b.owner)).toEqual(["speech"]);
    db.close();
  });
});
