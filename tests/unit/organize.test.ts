import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { AppDB, createConversation, getConversation, softDeleteConversation, uuid } from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import {
  assistantChatSettings,
  createAssistant,
  deleteAssistant,
  startChatWith,
  updateAssistant,
} from "@/lib/organize/client/assistants";
import {
  createFolder,
  deleteFolder,
  listFolderConversations,
  listFolders,
  listTagged,
  listTags,
  moveToFolder,
  NO_FOLDER,
  parseTags,
  renameFolder,
  setTags,
} from "@/lib/organize/client/folders";
import {
  createPrompt,
  exportPrompts,
  fillPrompt,
  filterPrompts,
  importPrompts,
  listPrompts,
  promptVariables,
} from "@/lib/organize/client/prompts";
import { dateBucket } from "@/lib/organize/dates";
import { starterAssistants } from "@/lib/organize/starters";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-organize-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("folders", () => {
  it("lists each folder's conversations apart from the main list, pinned first, and deleting a folder keeps them", async () => {
    const db = freshDb();
    const work = await createFolder(db, "  Work ");
    expect(work.name).toBe("Work");
    const a = await createConversation(db, { title: "a" });
    const b = await createConversation(db, { title: "b", pinned: true });
    const c = await createConversation(db, { title: "c" });
    await moveToFolder(db, a.id, work.id);
    await moveToFolder(db, b.id, work.id);
    expect(ids(await listFolderConversations(db, work.id))).toEqual([b.id, a.id]);
    expect(ids(await listFolderConversations(db, NO_FOLDER))).toEqual([c.id]);

    // A soft-deleted one (still undoable) comes back unfiled too.
    await softDeleteConversation(db, a.id);
    expect(await deleteFolder(db, work.id)).toBe(2);
    expect(await db.folders.count()).toBe(0);
    expect((await getConversation(db, a.id))?.folderId).toBe(NO_FOLDER);
    expect(ids(await listFolderConversations(db, NO_FOLDER))).toEqual([b.id, c.id]);
  });

  it("refuses a blank name and a move into a folder that is gone, changing nothing", async () => {
    const db = freshDb();
    await expect(createFolder(db, "   ")).rejects.toBeInstanceOf(AppError);
    const f = await createFolder(db, "x");
    await expect(renameFolder(db, f.id, "")).rejects.toMatchObject({ code: "bad_request" });
    const conv = await createConversation(db);
    await expect(moveToFolder(db, conv.id, "missing")).rejects.toMatchObject({ code: "not_found" });
    expect((await getConversation(db, conv.id))?.folderId).toBe(NO_FOLDER);
  });

  it("sorts folders in the reader's language order", async () => {
    const db = freshDb();
    for (const name of ["b 10", "B 9", "a"]) await createFolder(db, name);
    expect((await listFolders(db, "en")).map((f) => f.name)).toEqual(["a", "B 9", "b 10"]);
  });
});

describe("tags", () => {
  it("cleans tags and filters conversations by one, leaving deleted ones out", async () => {
    expect(parseTags(" work, Work ,ideas，草稿、 ,")).toEqual(["work", "ideas", "草稿"]);
    const db = freshDb();
    const a = await createConversation(db, { title: "a" });
    const b = await createConversation(db, { title: "b" });
    await setTags(db, a.id, ["work", "ideas"]);
    await setTags(db, b.id, ["work"]);
    expect(await listTags(db)).toEqual(["ideas", "work"]);
    expect(ids(await listTagged(db, "work"))).toEqual([b.id, a.id]);
    await softDeleteConversation(db, b.id);
    expect(ids(await listTagged(db, "work"))).toEqual([a.id]);
  });
});

describe("dateBucket", () => {
  it("groups by local calendar day", () => {
    const now = new Date(2026, 11, 3, 9, 0).getTime();
    expect(dateBucket(new Date(2026, 11, 3, 0, 1).getTime(), now)).toBe("today");
    expect(dateBucket(new Date(2026, 11, 2, 23, 59).getTime(), now)).toBe("yesterday");
    expect(dateBucket(new Date(2026, 11, 2, 0, 0).getTime(), now)).toBe("yesterday");
    expect(dateBucket(new Date(2026, 11, 1, 23, 0).getTime(), now)).toBe("week");
    expect(dateBucket(new Date(2026, 10, 26, 0, 0).getTime(), now)).toBe("week");
    expect(dateBucket(new Date(2026, 10, 25, 23, 0).getTime(), now)).toBe("older");
  });
});

describe("assistants", () => {
  it("starts a chat with a copy of the preset; editing or deleting it later leaves the chat as it was", async () => {
    const db = freshDb();
    const a = await createAssistant(db, {
      name: "Pirate",
      emoji: "",
      systemPrompt: "Answer like a pirate.",
      model: { provider: "glm", id: "glm-4-flash" },
      settings: { temperature: 0.9 },
      openingMessage: "Ahoy!",
    });
    expect(a).not.toHaveProperty("emoji");
    const chat = await startChatWith(db, a);
    expect(chat.model).toEqual({ provider: "glm", id: "glm-4-flash" });
    expect(chat.settings).toEqual({ temperature: 0.9, systemPrompt: "Answer like a pirate." });
    expect(chat.assistant).toEqual({ id: a.id, name: "Pirate", openingMessage: "Ahoy!" });

    await updateAssistant(db, a.id, { name: "Ninja", systemPrompt: "Be silent." });
    const edited = await db.assistants.get(a.id);
    expect(edited).toMatchObject({ name: "Ninja", systemPrompt: "Be silent.", createdAt: a.createdAt });
    expect(edited).not.toHaveProperty("model");
    await deleteAssistant(db, a.id);
    const stored = await getConversation(db, chat.id);
    expect(stored?.settings?.systemPrompt).toBe("Answer like a pirate.");
    expect(stored?.assistant?.name).toBe("Pirate");
  });

  it("refuses a nameless or oversized assistant with a clear error", async () => {
    const db = freshDb();
    await expect(createAssistant(db, { name: " ", systemPrompt: "" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createAssistant(db, { name: "x", systemPrompt: "y".repeat(100_001) })).rejects.toMatchObject({
      code: "bad_request",
    });
    expect(await db.assistants.count()).toBe(0);
  });

  it("leaves an empty system prompt out of the chat settings", () => {
    expect(assistantChatSettings({ systemPrompt: "  ", settings: { temperature: 1 } })).toEqual({ temperature: 1 });
  });

  it("has the four starters in both languages", () => {
    for (const locale of ["en", "zh"] as const) {
      const starters = starterAssistants(translator(locale));
      expect(starters.map((s) => s.id)).toEqual([
        "starter:writing",
        "starter:translate",
        "starter:review",
        "starter:siliconflow",
      ]);
      for (const s of starters) expect(s.systemPrompt).not.toMatch(/^assistants\./);
    }
    expect(starterAssistants(translator("zh"))[1]?.name).toMatch(/中/);
  });
});

describe("prompt library", () => {
  it("finds {{variables}} once each, in order, and fills them", () => {
    const body = "Translate {{text}} into {{ language }}. Keep {{text}} short. {{}} {{unset}}";
    expect(promptVariables(body)).toEqual(["text", "language", "unset"]);
    expect(fillPrompt(body, { text: "hello", language: "中文" })).toBe(
      "Translate hello into 中文. Keep hello short. {{}} {{unset}}",
    );
    // A value that looks like a variable is inserted as is, not filled again.
    expect(fillPrompt("{{a}} {{b}}", { a: "{{b}}", b: "x" })).toBe("{{b}} x");
  });

  it("filters by every word typed after /", async () => {
    const db = freshDb();
    await createPrompt(db, "Summarize", "Summarize {{text}}");
    await createPrompt(db, "Translate", "Translate {{text}} to English");
    const all = await listPrompts(db);
    expect(filterPrompts(all, "").map((p) => p.title)).toEqual(["Summarize", "Translate"]);
    expect(filterPrompts(all, "trans eng").map((p) => p.title)).toEqual(["Translate"]);
    expect(filterPrompts(all, "TEXT").length).toBe(2);
  });

  it("round-trips its JSON file, never overwrites, and refuses other files", async () => {
    const db = freshDb();
    await createPrompt(db, "One", "1 {{x}}");
    const file = await exportPrompts(db);
    const other = freshDb();
    expect(await importPrompts(other, JSON.stringify(file))).toEqual({ added: 1, skipped: 0, errors: [] });
    expect(await importPrompts(other, file)).toMatchObject({ added: 0, skipped: 1 });
    const bad = { ...file, prompts: [{ id: "z", title: "", body: "x", createdAt: 1, updatedAt: 1 }, file.prompts[0]] };
    const report = await importPrompts(freshDb(), bad);
    expect(report.added).toBe(1);
    expect(report.skipped).toBe(1);
    expect(report.errors[0]).toMatch(/^prompts\[0\]/);
    await expect(importPrompts(other, { format: "siliconplay-backup", version: 1 })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(importPrompts(other, "not json")).rejects.toBeInstanceOf(AppError);
  });
});

describe("backup of organize data", () => {
  it("sends a conversation whose folder is neither stored nor in the file to the main list", async () => {
    const db = freshDb();
    const folder = await createFolder(db, "Gone");
    const conv = await createConversation(db, { title: "orphan" });
    await moveToFolder(db, conv.id, folder.id);
    const backup = await exportAll(db);
    backup.folders = [];
    const target = freshDb();
    const report = await importAll(target, backup);
    expect(report.errors.join("\n")).toMatch(/folder is missing/);
    expect(ids(await listFolderConversations(target, NO_FOLDER))).toEqual([conv.id]);
  });

  it("imports a file from before folders into the main list", async () => {
    const db = freshDb();
    await createConversation(db, { title: "old" });
    const backup = await exportAll(db);
    for (const c of backup.conversations) delete c.folderId;
    const target = freshDb();
    await importAll(target, backup);
    expect((await listFolderConversations(target, NO_FOLDER)).map((c) => c.title)).toEqual(["old"]);
    // The same rows again are "already there", not conflicts.
    const again = await importAll(target, backup);
    expect(again.conflicts.conversations).toBe(0);
  });

  it("skips hostile organize rows field by field", async () => {
    const db = freshDb();
    const now = 1;
    const report = await importAll(db, {
      format: "siliconplay-backup",
      version: 1,
      folders: [{ id: "f", name: "x".repeat(101), createdAt: now, updatedAt: now }],
      assistants: [
        {
          id: "a",
          name: "ok",
          systemPrompt: "s",
          model: { provider: "evil", id: "m" },
          createdAt: now,
          updatedAt: now,
        },
        { id: "b", name: "ok", systemPrompt: "s", settings: { temperature: "hot" }, createdAt: now, updatedAt: now },
        { id: "c", name: "fine", systemPrompt: "s", createdAt: now, updatedAt: now, extra: "<script>" },
      ],
      prompts: [{ id: "p", title: "t", body: "", createdAt: now, updatedAt: now }],
      conversations: [
        {
          id: "conv",
          title: "t",
          titleSource: "user",
          pinned: 0,
          createdAt: now,
          updatedAt: now,
          deletedAt: 0,
          usage: { input: 0, output: 0, reasoning: 0 },
          tags: [{}],
        },
      ],
    });
    expect(report.added).toMatchObject({ folders: 0, assistants: 1, prompts: 0, conversations: 0 });
    expect(report.skipped).toMatchObject({ folders: 1, assistants: 2, prompts: 1, conversations: 1 });
    // Unknown keys are dropped from text-only rows.
    expect(await db.assistants.get("c")).not.toHaveProperty("extra");
  });
});
