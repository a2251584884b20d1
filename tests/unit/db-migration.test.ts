import "fake-indexeddb/auto";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { createSession, listSessions } from "@/lib/complete/client/sessions";
import {
  AppDB,
  type ConversationV1,
  getConversationMessages,
  getMediaBlob,
  getThread,
  listConversations,
  type MessageV1,
  SCHEMA_VERSION,
  searchConversations,
  uuid,
  V1_STORES,
  V2_STORES,
} from "@/lib/db";
import { V3_STORES } from "@/lib/db/version-3";
import { listFolderConversations, NO_FOLDER } from "@/lib/organize/client/folders";

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
      // v3: in no folder, so in the main list's index.
      folderId: "",
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
    expect(await getMediaBlob(db, img?.blobId)).toBeInstanceOf(Blob);
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
      [
        "assistants",
        "attachments",
        "completions",
        "conversations",
        "folders",
        "images",
        "mediaBlobs",
        "messages",
        "prompts",
        "speech",
        "videos",
      ].sort(),
    );
    db.close();
  });
});

describe("schema migration v2 → v3 (folders, assistants, prompts)", () => {
  it("puts every v2 conversation in no folder, keeps its rows, and lists it in the main list", async () => {
    const name = `test-migration-${uuid()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    const base = { titleSource: "user", createdAt: 1, usage: { input: 1, output: 2, reasoning: 0 } };
    await v2.table("conversations").bulkAdd([
      { ...base, id: "a", title: "Alpha", pinned: 0, updatedAt: 100, deletedAt: 0, words: ["alpha"] },
      { ...base, id: "b", title: "Beta", pinned: 1, updatedAt: 50, deletedAt: 0, words: ["beta"] },
      { ...base, id: "gone", title: "Deleted", pinned: 0, updatedAt: 70, deletedAt: 5, words: ["deleted"] },
    ]);
    v2.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const rows = await db.conversations.toArray();
    expect(rows.map((r) => [r.id, r.folderId, r.title, r.usage.output])).toEqual([
      ["a", "", "Alpha", 2],
      ["b", "", "Beta", 2],
      ["gone", "", "Deleted", 2],
    ]);
    // Pinned first, soft-deleted left out — read off the new [deletedAt+folderId+pinned+updatedAt] index.
    expect((await listFolderConversations(db, NO_FOLDER)).map((c) => c.id)).toEqual(["b", "a"]);
    expect(await db.folders.count()).toBe(0);
    expect(await db.assistants.count()).toBe(0);
    expect(await db.prompts.count()).toBe(0);
    db.close();
  });

  it("gives a row written without folderId (bulkPut, old code paths) the main list", async () => {
    const name = `test-migration-${uuid()}`;
    names.push(name);
    const db = new AppDB(name);
    await db.conversations.bulkPut([
      {
        id: "x",
        title: "Written raw",
        titleSource: "auto",
        pinned: 0,
        createdAt: 1,
        updatedAt: 2,
        deletedAt: 0,
        usage: { input: 0, output: 0, reasoning: 0 },
        words: [],
      },
    ]);
    expect((await db.conversations.get("x"))?.folderId).toBe("");
    expect((await listFolderConversations(db, NO_FOLDER)).map((c) => c.id)).toEqual(["x"]);
    db.close();
  });
});

describe("schema migration v3 → v4 (/complete sessions)", () => {
  it("keeps every v3 table's rows and adds a working completions table", async () => {
    const name = `test-migration-${uuid()}`;
    names.push(name);
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores(V3_STORES);
    await v3.open();
    const base = { titleSource: "user", createdAt: 1, usage: { input: 1, output: 2, reasoning: 0 }, words: [] };
    await v3.table("conversations").bulkAdd([
      { ...base, id: "a", title: "Alpha", pinned: 0, updatedAt: 100, deletedAt: 0, folderId: "f" },
      { ...base, id: "b", title: "Beta", pinned: 1, updatedAt: 50, deletedAt: 0, folderId: "" },
    ]);
    await v3.table("folders").add({ id: "f", name: "Work", createdAt: 1, updatedAt: 1 });
    await v3.table("prompts").add({ id: "p", title: "T", body: "B", createdAt: 1, updatedAt: 1 });
    v3.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.conversations.toArray()).map((c) => [c.id, c.folderId, c.title])).toEqual([
      ["a", "f", "Alpha"],
      ["b", "", "Beta"],
    ]);
    expect((await listFolderConversations(db, "f")).map((c) => c.id)).toEqual(["a"]);
    expect(await db.folders.count()).toBe(1);
    expect((await db.prompts.get("p"))?.body).toBe("B");

    expect(await db.completions.count()).toBe(0);
    const older = await createSession(db, {
      prefix: "a",
      suffix: "",
      language: "python",
      model: "deepseek-ai/DeepSeek-V3",
      accepted: false,
    });
    const newer = await createSession(db, { ...older, prefix: "b" });
    // Read off the new updatedAt index, newest first.
    expect((await listSessions(db)).map((s) => s.id)).toEqual([newer.id, older.id]);
    db.close();
  });
});
