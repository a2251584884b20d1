import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { AppDB, uuid } from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { ASSISTANT_IMAGE_MAX_CHARS, assistantImageProblem } from "@/lib/organize/assistant-image";
import { assistantRef, createAssistant, startChatWith } from "@/lib/organize/client/assistants";

/** The first bytes of a PNG of the given size: what the type and size are read from. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  return b;
}
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-assistant-image-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;

describe("assistant image", () => {
  it("takes a small PNG whose bytes match its type", () => {
    expect(assistantImageProblem(dataUrl("image/png", pngHeader(96, 96)))).toBeNull();
    expect(assistantImageProblem(dataUrl("image/png", pngHeader(40, 30)))).toBeNull();
  });

  it("refuses a mislabelled, oversized, non-image or non-data value", () => {
    expect(assistantImageProblem(dataUrl("image/jpeg", pngHeader(96, 96)))).toMatch(/type/);
    expect(assistantImageProblem(dataUrl("image/png", pngHeader(97, 96)))).toMatch(/96/);
    expect(assistantImageProblem(dataUrl("image/png", new TextEncoder().encode("<html>nope</html>")))).toMatch(
      /not an image/,
    );
    expect(assistantImageProblem(dataUrl("image/svg+xml", pngHeader(10, 10)))).toMatch(/data: URL/);
    expect(assistantImageProblem("https://example.com/a.png")).toMatch(/data: URL/);
    expect(assistantImageProblem(`data:image/png;base64,${"A".repeat(ASSISTANT_IMAGE_MAX_CHARS)}`)).toMatch(/large/);
  });
});

describe("assistant image in the store and in backups", () => {
  it("is kept with the assistant, copied to a chat's badge, and survives export and import", async () => {
    const db = freshDb();
    const image = dataUrl("image/png", pngHeader(96, 96));
    const a = await createAssistant(db, { name: "Pictured", systemPrompt: "", image });
    expect(assistantRef(a).image).toBe(image);
    expect((await startChatWith(db, a)).assistant?.image).toBe(image);
    const target = freshDb();
    await importAll(target, await exportAll(db));
    expect((await target.assistants.get(a.id))?.image).toBe(image);
    expect((await target.conversations.toArray())[0]?.assistant?.image).toBe(image);
  });

  it("refuses a backup row whose image is too big or not an image, and keeps the rest", async () => {
    const db = freshDb();
    const good = await createAssistant(db, { name: "Fine", systemPrompt: "" });
    const backup = (await exportAll(db)) as { assistants: Record<string, unknown>[] };
    backup.assistants.push(
      { ...backup.assistants[0], id: "big", image: dataUrl("image/png", pngHeader(4000, 4000)) },
      { ...backup.assistants[0], id: "html", image: dataUrl("image/png", new TextEncoder().encode("<b>x</b>")) },
    );
    const target = freshDb();
    const report = await importAll(target, backup);
    expect(report.added.assistants).toBe(1);
    expect(report.skipped.assistants).toBe(2);
    expect((await target.assistants.toArray()).map((r) => r.id)).toEqual([good.id]);
    await expect(
      createAssistant(db, { name: "Bad", systemPrompt: "", image: "data:image/png;base64,AAAA" }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
