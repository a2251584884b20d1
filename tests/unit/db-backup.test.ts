import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { createSession } from "@/lib/complete/client/sessions";
import {
  AppDB,
  addUserMessage,
  conversationToMarkdown,
  createConversation,
  createThrottledSaver,
  exportConversationMarkdown,
  getConversationMessages,
  getMediaBlob,
  getThread,
  markdownFileName,
  saveAttachment,
  saveImage,
  saveSpeechClip,
  saveVideoJob,
  setPinned,
  softDeleteConversation,
  startAssistantMessage,
  updateVideoJob,
  uuid,
} from "@/lib/db";
import { type Backup, exportAll, importAll, TABLES } from "@/lib/db/backup";
import { BLOB_REFS } from "@/lib/db/blobs";
import { AppError } from "@/lib/errors";
import { createAssistant, startChatWith } from "@/lib/organize/client/assistants";
import { createFolder, moveToFolder, setTags } from "@/lib/organize/client/folders";
import { createPrompt } from "@/lib/organize/client/prompts";
import { encodePng } from "@/lib/simulator/png";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-backup-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const sf = (id: string) => ({ provider: "siliconflow" as const, id });

// Real media bytes: an import keeps a Blob only if its first bytes are the media it claims to be.
const PNG = new Uint8Array(encodePng(2, 2, Buffer.alloc(12, 90)));
const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xc0,
  0x00,
  0x11,
  0x08,
  0x00,
  0x02,
  0x00,
  0x03,
  0x03,
  ...Array(12).fill(0),
]);
const MP4 = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypisom"), ...Array(12).fill(0)]);
const MP3 = new Uint8Array([...new TextEncoder().encode("ID3"), 4, 0, 0, 0, 0, 0, 0]);

async function populate(db: AppDB) {
  const conv = await createConversation(db, {
    model: sf("deepseek-ai/DeepSeek-R1"),
    settings: { temperature: 0.6, stop: [] },
  });
  const q = await addUserMessage(db, {
    conversationId: conv.id,
    parentId: null,
    parts: [
      { type: "text", text: "这张图里是什么？" },
      { type: "file", mediaType: "image/png", filename: "cat.png", url: "attachment:x" },
    ],
    text: "这张图里是什么？",
  });
  await saveAttachment(db, {
    messageId: q.id,
    conversationId: conv.id,
    blob: new Blob([PNG], { type: "image/png" }),
    name: "cat.png",
  });
  const a = await startAssistantMessage(db, {
    conversationId: conv.id,
    parentId: q.id,
    model: sf("deepseek-ai/DeepSeek-R1"),
  });
  const saver = createThrottledSaver(db, a.id);
  saver.save({
    parts: [
      { type: "reasoning", text: "The user asks about the image." },
      { type: "text", text: "一只猫。" },
    ],
    text: "一只猫。",
  });
  await saver.finish("complete", { usage: { input: 5, output: 3, reasoning: 7 } });
  const other = await createConversation(db, { title: "Pinned one" });
  await setPinned(db, other.id, true);
  const deleted = await createConversation(db, { title: "in the undo window" });
  await softDeleteConversation(db, deleted.id);
  // Organize (schema v3): a folder holding a tagged chat started from an assistant, and a prompt.
  const folder = await createFolder(db, "工作 Work");
  const assistant = await createAssistant(db, {
    name: "Pirate",
    emoji: "🏴‍☠️",
    systemPrompt: "Answer like a pirate.",
    model: sf("Qwen/Qwen2.5-7B-Instruct"),
    settings: { temperature: 0.9 },
  });
  const filed = await startChatWith(db, assistant);
  await moveToFolder(db, filed.id, folder.id);
  await setTags(db, filed.id, ["ideas", "草稿"]);
  await createPrompt(db, "Summarize", "Summarize {{text}} in {{n}} words.");
  // /complete (schema v4): an accepted session with its run, and one whose run failed.
  await createSession(db, {
    prefix: "def add(a, b):\n    return a + b\n",
    suffix: "",
    language: "python",
    model: "Qwen/Qwen2.5-Coder-7B-Instruct",
    maxTokens: 256,
    temperature: 0.2,
    run: {
      prefix: "def add(a, b):\n",
      suffix: "\n",
      middle: "    return a + b",
      status: "complete",
      finishReason: "stop",
    },
    accepted: true,
  });
  await createSession(db, {
    prefix: "fn main() {",
    suffix: "}",
    language: "rust",
    model: "deepseek-ai/DeepSeek-V3",
    run: {
      prefix: "fn main() {",
      suffix: "}",
      middle: "",
      status: "failed",
      error: { code: "rate_limited", status: 429, message: { en: "Slow down.", zh: "请稍后。" }, retryable: true },
    },
    accepted: false,
  });
  await saveImage(db, {
    prompt: "p",
    model: sf("Kwai-Kolors/Kolors"),
    params: { seed: 1 },
    seed: 1,
    blob: new Blob([PNG], { type: "image/png" }),
  });
  const job = await saveVideoJob(db, {
    requestId: "r1",
    model: sf("Wan-AI/Wan2.1-T2V-14B"),
    prompt: "v",
    params: {},
    startImage: new Blob([JPEG], { type: "image/jpeg" }),
  });
  await updateVideoJob(db, job.id, {
    status: "succeeded",
    blob: new Blob([MP4], { type: "video/mp4" }),
  });
  await saveSpeechClip(db, {
    text: "hi",
    model: sf("FunAudioLLM/CosyVoice2-0.5B"),
    voice: "alex",
    settings: { speed: 1 },
    blob: new Blob([MP3], { type: "audio/mpeg" }),
  });
  return { conv, q, a };
}

/**
 * Every table with blob references (`blobId`, …; their ids are new on import) replaced by the stored
 * Blob's type and bytes, so deep equality covers the content.
 */
async function snapshot(db: AppDB) {
  const out: Record<string, unknown[]> = {};
  const refs: Record<string, Readonly<Record<string, string>>> = BLOB_REFS;
  for (const t of TABLES) {
    const rows = await db.table(t).toArray();
    out[t] = await Promise.all(
      rows.map(async (r: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...r };
        for (const ref of Object.keys(refs[t] ?? {})) {
          if (typeof copy[ref] !== "string") continue;
          const v = await getMediaBlob(db, copy[ref] as string);
          copy[ref] = v && { blobType: v.type, bytes: [...new Uint8Array(await v.arrayBuffer())] };
        }
        return copy;
      }),
    );
  }
  return out;
}

describe("export / import", () => {
  it("round-trips everything (Blobs included) and a second import skips it all", async () => {
    const db = freshDb();
    await populate(db);
    const before = await snapshot(db);
    const backup = await exportAll(db);
    expect(backup).toMatchObject({ format: "siliconplay-backup", version: 1 });
    expect(backup.images[0]?.blob).toMatch(/^data:image\/png;base64,/);
    expect(backup.messages[0]).not.toHaveProperty("words");

    // Through a real file: JSON text.
    const file = JSON.stringify(backup);
    await Promise.all(TABLES.map((t) => db.table(t).clear()));
    const report = await importAll(db, file);
    expect(report.errors).toEqual([]);
    expect(report.added).toEqual({
      conversations: 4,
      messages: 2,
      images: 1,
      videos: 1,
      speech: 1,
      attachments: 1,
      folders: 1,
      assistants: 1,
      prompts: 1,
      completions: 2,
    });
    expect(await snapshot(db)).toEqual(before);

    const again = await importAll(db, JSON.parse(file));
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(again.skipped).toEqual({
      conversations: 4,
      messages: 2,
      images: 1,
      videos: 1,
      speech: 1,
      attachments: 1,
      folders: 1,
      assistants: 1,
      prompts: 1,
      completions: 2,
    });
    expect(Object.values(again.conflicts).every((n) => n === 0)).toBe(true);
    expect(await snapshot(db)).toEqual(before);
  });

  it("merges without overwriting: conflicts keep the stored row, bad rows are reported", async () => {
    const db = freshDb();
    const { conv } = await populate(db);
    const backup = (await exportAll(db)) as Backup;
    const changed = { ...backup.conversations.find((c) => c.id === conv.id)!, title: "changed elsewhere" };
    const newConv = { ...changed, id: uuid(), title: "new one" };
    const file = {
      ...backup,
      conversations: [changed, newConv, { id: 5 }],
      messages: [{ ...backup.messages[0]!, id: "orphan", conversationId: "missing" }],
    };
    const report = await importAll(db, file);
    expect(report.added.conversations).toBe(1);
    expect(report.conflicts.conversations).toBe(1);
    expect(report.skipped.conversations).toBe(2);
    expect(report.skipped.messages).toBe(1);
    expect(report.errors.join("\n")).toMatch(/conversations\[2\]: invalid id/);
    expect(report.errors.join("\n")).toMatch(/orphan: its conversation is missing/);
    expect((await db.conversations.get(conv.id))?.title).not.toBe("changed elsewhere");
    expect((await db.conversations.get(newConv.id as string))?.words).toEqual(["new", "one"]);
  });

  it("rejects other formats and versions with a clear error, importing nothing", async () => {
    const db = freshDb();
    const err = await importAll(db, { format: "chatgpt-export", version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("bad_request");
    expect((err as AppError).messages.en).toMatch(/not a SiliconPlay backup/);
    expect((err as AppError).messages.zh).toMatch(/不是 SiliconPlay 备份/);
    await expect(importAll(db, { format: "siliconplay-backup", version: 2 })).rejects.toThrow(/version 2/);
    await expect(importAll(db, "{not json")).rejects.toThrow(/not valid JSON/);
    await expect(importAll(db, [])).rejects.toThrow(/not a SiliconPlay backup/);
    expect(await db.conversations.count()).toBe(0);
  });
});

describe("conversationToMarkdown", () => {
  it("prints the shown branch with roles, model, reasoning and attachments", async () => {
    const db = freshDb();
    const { conv } = await populate(db);
    const md = await exportConversationMarkdown(db, conv.id);
    expect(md).toBe(
      `${[
        "# 这张图里是什么",
        "_Model: deepseek-ai/DeepSeek-R1_",
        "**You**",
        "这张图里是什么？",
        "_Attachment: cat.png (image/png)_",
        "**Assistant (deepseek-ai/DeepSeek-R1)**",
        "<details>\n<summary>Reasoning</summary>\n\nThe user asks about the image.\n\n</details>",
        "一只猫。",
      ].join("\n\n")}\n`,
    );
    const row = (await db.conversations.get(conv.id))!;
    const thread = getThread(await getConversationMessages(db, conv.id), row.activeLeafId);
    const last = { ...thread[1]!, status: "stopped" as const };
    const zh = conversationToMarkdown({ ...row, title: "" }, [thread[0]!, last], { locale: "zh" });
    expect(zh.startsWith("# 新对话\n")).toBe(true);
    expect(zh).toContain("**你**");
    expect(zh).toContain("_(已停止)_");
    expect(markdownFileName({ ...row, title: 'a/b: "c"?' })).toBe("a b c.md");
  });
});
