import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { AppDB, addUserMessage, createConversation, getMediaBlob, uuid } from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { sniffMediaType } from "@/lib/db/backup-sniff";
import { encodePng } from "@/lib/simulator/png";

// Issue 17 finding 6: a backup is a file anyone can write. An "image/png" whose bytes are HTML, or
// an SVG with an onload handler, became a Blob of that type and ran script on this origin when
// opened in a tab. Every imported Blob is typed by its own bytes; SVG, HTML and unknown files go.

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-backup-hostile-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
const PNG = new Uint8Array(encodePng(2, 2, Buffer.alloc(12, 90)));
const HTML = "<!doctype html><script>parent.stolen = document.cookie</script>";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>';
const WAV = (() => {
  const b = Buffer.alloc(44);
  b.write("RIFF", 0);
  b.write("WAVE", 8);
  return new Uint8Array(b);
})();
const MP4 = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), ...Array(12).fill(0)]);
const sf = { provider: "siliconflow" as const, id: "m" };

async function baseBackup(db: AppDB) {
  const conv = await createConversation(db, { title: "imported" });
  const msg = await addUserMessage(db, {
    conversationId: conv.id,
    parentId: null,
    parts: [{ type: "text", text: "hi" }],
    text: "hi",
  });
  const backup = await exportAll(db);
  await db.delete();
  await db.open();
  return { backup, conv, msg };
}

const imageRow = (blob: string, mime = "image/png") => ({
  id: uuid(),
  createdAt: 1,
  prompt: "p",
  model: sf,
  params: {},
  mime,
  blob,
});

describe("importing media from a backup", () => {
  it("drops an image whose bytes are HTML or SVG, whatever the file says it is", async () => {
    const db = freshDb();
    const { backup } = await baseBackup(db);
    backup.images = [
      imageRow(`data:image/png;base64,${b64(HTML)}`),
      imageRow(`data:text/html;base64,${b64(HTML)}`),
      imageRow(`data:image/svg+xml;base64,${b64(SVG)}`, "image/svg+xml"),
      imageRow(`data:image/png;base64,${b64(SVG)}`),
    ];
    const report = await importAll(db, backup);
    expect(report.added.images).toBe(0);
    expect(report.skipped.images).toBe(4);
    expect(report.errors.filter((e) => /not a PNG, JPEG, WebP or GIF image/.test(e))).toHaveLength(4);
    expect(await db.images.count()).toBe(0);
  });

  it("types a real image by its bytes, not by its label", async () => {
    const db = freshDb();
    const { backup } = await baseBackup(db);
    const row = imageRow(`data:text/html;base64,${b64(PNG)}`, "text/html");
    backup.images = [row];
    const report = await importAll(db, backup);
    expect(report.added.images).toBe(1);
    const stored = await db.images.get(row.id);
    const bytes = await getMediaBlob(db, stored?.blobId);
    expect(bytes?.type).toBe("image/png");
    expect(stored?.mime).toBe("image/png");
    expect(new Uint8Array(await bytes!.arrayBuffer())).toEqual(PNG);
  });

  it("keeps video and audio only when their bytes are video and audio", async () => {
    const db = freshDb();
    const { backup } = await baseBackup(db);
    const video = (blob: string, startImage?: string) => ({
      id: uuid(),
      requestId: uuid(),
      model: sf,
      prompt: "v",
      params: {},
      status: "succeeded",
      createdAt: 1,
      updatedAt: 1,
      blob,
      ...(startImage ? { startImage } : {}),
    });
    const speech = (blob: string, mime: string) => ({
      id: uuid(),
      createdAt: 1,
      text: "t",
      model: sf,
      voice: "alex",
      settings: {},
      mime,
      blob,
    });
    const goodVideo = video(`data:text/html;base64,${b64(MP4)}`);
    const goodClip = speech(`data:text/html;base64,${b64(WAV)}`, "text/html");
    const opusClip = speech(`data:audio/ogg;base64,${b64(Buffer.from("OggS\0\0\0\0"))}`, "audio/ogg; codecs=opus");
    const pcmClip = speech(`data:audio/pcm;base64,${b64(new Uint8Array([1, 2, 3, 4]))}`, "audio/pcm");
    backup.videos = [
      goodVideo,
      video(`data:video/mp4;base64,${b64(HTML)}`),
      video(`data:video/mp4;base64,${b64(MP4)}`, `data:image/svg+xml;base64,${b64(SVG)}`),
    ];
    backup.speech = [
      goodClip,
      opusClip,
      pcmClip,
      speech(`data:audio/mpeg;base64,${b64(HTML)}`, "audio/mpeg"),
      speech(`data:audio/pcm;base64,${b64(HTML)}`, "audio/pcm"),
    ];
    const report = await importAll(db, backup);
    expect(report.added).toMatchObject({ videos: 1, speech: 3 });
    expect(report.skipped).toMatchObject({ videos: 2, speech: 2 });
    const bytesOf = async (row: { blobId?: string } | undefined) => getMediaBlob(db, row?.blobId);
    expect((await bytesOf(await db.videos.get(goodVideo.id)))?.type).toBe("video/mp4");
    expect((await bytesOf(await db.speech.get(goodClip.id)))?.type).toBe("audio/wav");
    expect((await db.speech.get(goodClip.id))?.mime).toBe("audio/wav");
    // A name the container goes by is kept; raw PCM has no signature and is kept as what it is.
    expect((await bytesOf(await db.speech.get(opusClip.id)))?.type).toBe("audio/ogg; codecs=opus");
    expect((await bytesOf(await db.speech.get(pcmClip.id)))?.type).toBe("audio/pcm");
    // Skipped rows leave no bytes behind: one video and three clips are stored.
    expect(await db.mediaBlobs.count()).toBe(4);
  });

  it("drops an SVG attachment with an onload handler", async () => {
    const db = freshDb();
    const { backup, conv, msg } = await baseBackup(db);
    const attachment = (blob: string) => ({
      id: uuid(),
      messageId: msg.id,
      conversationId: conv.id,
      createdAt: 1,
      name: "cat.png",
      mime: "image/png",
      size: 10,
      blob,
    });
    const good = attachment(`data:image/png;base64,${b64(PNG)}`);
    backup.attachments = [attachment(`data:image/png;base64,${b64(SVG)}`), good];
    const report = await importAll(db, backup);
    expect(report.added.attachments).toBe(1);
    expect(report.skipped.attachments).toBe(1);
    expect((await getMediaBlob(db, (await db.attachments.get(good.id))?.blobId))?.type).toBe("image/png");
  });

  it("keeps only safe file parts in messages: stored, re-typed inline media, and remote links", async () => {
    const db = freshDb();
    const { backup, msg } = await baseBackup(db);
    const file = (url: string, mediaType = "image/png") => ({ type: "file", mediaType, filename: "f", url });
    const row = backup.messages.find((m) => m.id === msg.id)!;
    row.parts = [
      { type: "text", text: "hi" },
      file("attachment:abc"),
      file("https://trap.example/remote.png"),
      file(`data:image/jpeg;base64,${b64(PNG)}`, "image/jpeg"),
      file(`data:text/html;base64,${b64(HTML)}`),
      file(`data:image/svg+xml;base64,${b64(SVG)}`, "image/svg+xml"),
      file("data:text/html,<script>alert(1)</script>"),
      file("javascript:alert(1)"),
      file("blob:https://elsewhere.example/x"),
    ];
    const report = await importAll(db, backup);
    expect(report.added.messages).toBe(1);
    const parts = (await db.messages.get(msg.id))!.parts;
    expect(parts).toEqual([
      { type: "text", text: "hi" },
      file("attachment:abc"),
      file("https://trap.example/remote.png"),
      file(`data:image/png;base64,${b64(PNG)}`, "image/png"),
    ]);
    expect(report.errors.filter((e) => e.includes("a file part was dropped"))).toHaveLength(5);
  });
});

describe("sniffMediaType", () => {
  it("names the media the bytes are, and nothing else", () => {
    expect(sniffMediaType(PNG, "image")).toBe("image/png");
    expect(sniffMediaType(new TextEncoder().encode(SVG), "image")).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode(HTML), "image")).toBeNull();
    expect(sniffMediaType(MP4, "video")).toBe("video/mp4");
    expect(sniffMediaType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0]), "video")).toBe("video/webm");
    expect(sniffMediaType(PNG, "video")).toBeNull();
    expect(sniffMediaType(WAV, "audio")).toBe("audio/wav");
    expect(sniffMediaType(WAV, "audio", "audio/x-wav")).toBe("audio/x-wav");
    expect(sniffMediaType(WAV, "audio", "image/svg+xml")).toBe("audio/wav");
    expect(sniffMediaType(new TextEncoder().encode(` \n${HTML}`), "audio", "audio/pcm")).toBeNull();
  });
});
