import "fake-indexeddb/auto";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  type ConversationV1,
  getConversationMessages,
  getThread,
  listConversations,
  type MessageV1,
  SCHEMA_VERSION,
  searchConversations,
  uuid,
  V1_STORES,
} from "@/lib/db";

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe("schema migration v1 → v2", () => {
  it("upgrades v1 rows: numeric pins, message trees, AI SDK parts, search words, media defaults", async () => {
    const name = `test-migration-${uuid()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    const conversations: ConversationV1[] = [
      {
        id: "c1",
        title: "Old English chat",
        model: "deepseek-ai/DeepSeek-V3",
        pinned: false,
        createdAt: 1,
        updatedAt: 900,
      },
      { id: "c2", title: "旧的中文对话", model: "glm-4-flash", pinned: true, createdAt: 2, updatedAt: 100 },
    ];
    const messages: MessageV1[] = [
      { id: "m1", conversationId: "c1", role: "user", content: "What are reasoning models?", createdAt: 10 },
      {
        id: "m2",
        conversationId: "c1",
        role: "assistant",
        content: "Models that think first.",
        reasoning: "Let me define it.",
        status: "done",
        model: "deepseek-ai/DeepSeek-R1",
        createdAt: 20,
      },
      { id: "m3", conversationId: "c1", role: "user", content: "And then?", createdAt: 30 },
      { id: "m4", conversationId: "c1", role: "assistant", content: "They answ", status: "streaming", createdAt: 40 },
      { id: "m5", conversationId: "c2", role: "user", content: "我喜欢推理模型", createdAt: 15 },
      { id: "m6", conversationId: "c2", role: "assistant", content: "", status: "error", createdAt: 16 },
    ];
    await v1.table("conversations").bulkAdd(conversations);
    await v1.table("messages").bulkAdd(messages);
    await v1.table("images").add({
      id: "i1",
      createdAt: 5,
      prompt: "cat",
      model: "Kwai-Kolors/Kolors",
      blob: new Blob(["x"], { type: "image/jpeg" }),
    });
    v1.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    const c1 = await db.conversations.get("c1");
    expect(c1).toEqual({
      id: "c1",
      title: "Old English chat",
      titleSource: "user",
      model: { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3" },
      pinned: 0,
      createdAt: 1,
      updatedAt: 900,
      deletedAt: 0,
      usage: { input: 0, output: 0, reasoning: 0 },
      activeLeafId: "m4",
      words: ["old", "english", "chat"],
    });
    expect((await db.conversations.get("c2"))?.model).toEqual({ provider: "glm", id: "glm-4-flash" });

    const m2 = await db.messages.get("m2");
    expect(m2).toEqual({
      id: "m2",
      conversationId: "c1",
      parentId: "m1",
      role: "assistant",
      parts: [
        { type: "reasoning", text: "Let me define it." },
        { type: "text", text: "Models that think first." },
      ],
      text: "Models that think first.",
      status: "complete",
      model: { provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1" },
      createdAt: 20,
      updatedAt: 20,
      words: ["models", "that", "think", "first"],
    });
    expect((await db.messages.get("m4"))?.status).toBe("interrupted");
    expect((await db.messages.get("m6"))?.status).toBe("failed");
    expect((await db.messages.get("m5"))?.parentId).toBeNull();

    const thread = getThread(await getConversationMessages(db, "c1"), c1?.activeLeafId);
    expect(thread.map((m) => m.id)).toEqual(["m1", "m2", "m3", "m4"]);

    // The new indexes answer: pinned first (the boolean pin was not indexable in v1), and search
    // works on v1 message ids, which do not carry their conversation id.
    expect((await listConversations(db)).map((c) => c.id)).toEqual(["c2", "c1"]);
    expect((await searchConversations(db, "推理")).map((h) => h.conversation.id)).toEqual(["c2"]);
    expect((await searchConversations(db, "think")).map((h) => h.snippet?.messageId)).toEqual(["m2"]);

    const img = await db.images.get("i1");
    expect(img).toMatchObject({
      model: { provider: "siliconflow", id: "Kwai-Kolors/Kolors" },
      params: {},
      mime: "image/jpeg",
    });
    expect(img?.blob).toBeInstanceOf(Blob);
    // Tables new in v2 exist and work.
    expect(await db.videos.count()).toBe(0);
    db.close();
  });

  it("creates a fresh database directly at the current version", async () => {
    const name = `test-migration-${uuid()}`;
    names.push(name);
    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ["attachments", "conversations", "images", "messages", "speech", "videos"].sort(),
    );
    db.close();
  });
});
