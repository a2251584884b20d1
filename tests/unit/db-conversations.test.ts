import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  attachmentsForConversation,
  autoTitle,
  countConversations,
  createConversation,
  deleteConversation,
  getConversationMessages,
  listConversations,
  purgeDeleted,
  renameConversation,
  restoreConversation,
  saveAttachment,
  setPinned,
  softDeleteConversation,
  uuid,
} from "@/lib/db";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-conv-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe("conversations", () => {
  it("lists pinned first, then by last activity, leaving out soft-deleted ones", async () => {
    const db = freshDb();
    const a = await createConversation(db, { title: "A" });
    const b = await createConversation(db, { title: "B" });
    const c = await createConversation(db, { title: "C" });
    const d = await createConversation(db, { title: "D" });
    await setPinned(db, a.id, true);
    // Activity on B moves it above C and D.
    await addUserMessage(db, {
      conversationId: b.id,
      parentId: null,
      parts: [{ type: "text", text: "hi" }],
      text: "hi",
    });
    await softDeleteConversation(db, c.id);

    const list = await listConversations(db);
    expect(list.map((x) => x.title)).toEqual(["A", "B", "D"]);
    expect(await countConversations(db)).toBe(3);
    expect((await listConversations(db, { limit: 1, offset: 1 })).map((x) => x.title)).toEqual(["B"]);
    expect(d.pinned).toBe(0);
  });

  it("pages with `after` (keyset) the same way as with offsets, ties included", async () => {
    const db = freshDb();
    for (let i = 0; i < 23; i++) {
      const c = await createConversation(db, { title: `c${i}`, pinned: i % 7 === 0 });
      // Same-millisecond activity for a few rows: the page boundary must not skip or repeat them.
      if (i >= 10 && i < 16) await db.conversations.update(c.id, { updatedAt: 1_000 });
    }
    const all = await listConversations(db, { limit: 100 });
    expect(all).toHaveLength(23);
    expect(all.slice(0, 4).every((c) => c.pinned === 1)).toBe(true);
    const paged: string[] = [];
    let page = await listConversations(db, { limit: 4 });
    while (page.length) {
      paged.push(...page.map((c) => c.id));
      page = await listConversations(db, { limit: 4, after: page.at(-1)! });
    }
    expect(paged).toEqual(all.map((c) => c.id));
    const byOffset = await listConversations(db, { limit: 4, offset: 12 });
    expect(byOffset.map((c) => c.id)).toEqual(all.slice(12, 16).map((c) => c.id));
  });

  it("renames (user title, search words) and pins without counting as activity", async () => {
    const db = freshDb();
    const a = await createConversation(db);
    expect(a.title).toBe("");
    expect(a.titleSource).toBe("auto");
    await renameConversation(db, a.id, "  推理模型 notes  ");
    const row = await db.conversations.get(a.id);
    expect(row?.title).toBe("推理模型 notes");
    expect(row?.titleSource).toBe("user");
    expect(row?.words).toEqual(expect.arrayContaining(["推理", "模型", "notes"]));
    expect(row?.updatedAt).toBe(a.updatedAt);
    await setPinned(db, a.id, true);
    expect((await db.conversations.get(a.id))?.pinned).toBe(1);
    await setPinned(db, a.id, false);
    expect((await db.conversations.get(a.id))?.pinned).toBe(0);
  });

  it("soft-deletes with undo, and purge removes messages and attachments", async () => {
    const db = freshDb();
    const keep = await createConversation(db, { title: "keep" });
    const gone = await createConversation(db, { title: "gone" });
    for (const conv of [keep, gone]) {
      const m = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "look" });
      await saveAttachment(db, {
        messageId: m.id,
        conversationId: conv.id,
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
        name: "a.png",
      });
    }

    const token = await softDeleteConversation(db, gone.id);
    expect((await listConversations(db)).map((c) => c.id)).toEqual([keep.id]);
    expect(await restoreConversation(db, token)).toBe(true);
    expect((await listConversations(db)).map((c) => c.id).sort()).toEqual([keep.id, gone.id].sort());

    await softDeleteConversation(db, gone.id);
    // Deleted just now: a purge of rows older than an hour leaves it restorable.
    expect(await purgeDeleted(db, 60 * 60 * 1000)).toBe(0);
    expect(await purgeDeleted(db, 0)).toBe(1);
    expect(await db.conversations.get(gone.id)).toBeUndefined();
    expect(await getConversationMessages(db, gone.id)).toEqual([]);
    expect(await attachmentsForConversation(db, gone.id)).toEqual([]);
    // The other conversation is untouched.
    expect(await getConversationMessages(db, keep.id)).toHaveLength(1);
    expect(await attachmentsForConversation(db, keep.id)).toHaveLength(1);
  });

  it("hard delete removes the conversation, every branch and its attachments", async () => {
    const db = freshDb();
    const conv = await createConversation(db);
    const m1 = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "v1" });
    await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "v2 (edit)" });
    await saveAttachment(db, { messageId: m1.id, conversationId: conv.id, blob: new Blob(["x"]), name: "x" });
    await deleteConversation(db, conv.id);
    expect(await db.messages.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.conversations.count()).toBe(0);
  });
});

describe("autoTitle", () => {
  it("takes the first line and sentence of the question", () => {
    expect(autoTitle("  How do reasoning models work? Explain briefly.\nMore text", "answer")).toBe(
      "How do reasoning models work",
    );
    expect(autoTitle("What is DeepSeek v3.5 good at", "")).toBe("What is DeepSeek v3.5 good at");
    expect(autoTitle("## **Bold** heading\nbody", "")).toBe("Bold heading");
  });

  it("handles Chinese punctuation and width", () => {
    expect(autoTitle("请解释一下推理模型的原理。顺便讲讲历史。", "")).toBe("请解释一下推理模型的原理");
    const long = autoTitle(
      "这是一个非常非常长的问题它没有任何标点符号并且会一直持续下去直到超过标题的长度限制为止",
      "",
    );
    expect(long.endsWith("…")).toBe(true);
    // CJK counts two columns: at most 40 columns including the ellipsis.
    expect(Array.from(long).length).toBeLessThanOrEqual(20);
  });

  it("cuts long English at a word boundary, and falls back to the answer", () => {
    const t = autoTitle("Please write a comprehensive comparison between PostgreSQL and MySQL for analytics", "");
    expect(t.length).toBeLessThanOrEqual(40);
    expect(t).toBe("Please write a comprehensive comparison…");
    expect(autoTitle("   ", "The picture shows a cat. It sleeps.")).toBe("The picture shows a cat");
    expect(autoTitle("", "")).toBe("");
  });
});
