import "fake-indexeddb/auto";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AppDB,
  addUserMessage,
  createConversation,
  createThrottledSaver,
  isQuotaAppError,
  isQuotaError,
  requestPersistence,
  saveImage,
  startAssistantMessage,
  storageEstimate,
  uuid,
  withQuotaGuard,
} from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { AppError } from "@/lib/errors";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-storage-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) await db.delete();
});

const quota = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("isQuotaError", () => {
  it("recognises every form a full disk takes", () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError("full"))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError("Transaction aborted", quota()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError("bulk", { 0: quota() as unknown as Error }))).toBe(true);
    expect(isQuotaError(new Error("wrapped", { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED" })).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError("duplicate key"))).toBe(false);
    expect(isQuotaError(new DOMException("x", "AbortError"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError("QuotaExceededError")).toBe(false);
  });

  it("withQuotaGuard turns quota failures into the bilingual AppError and passes others through", async () => {
    const err = await withQuotaGuard(() => Promise.reject(quota())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "internal", detail: "QuotaExceededError", key: "error.storage.full" });
    expect(isQuotaAppError(err)).toBe(true);
    const other = new Dexie.ConstraintError("dup");
    await expect(withQuotaGuard(() => Promise.reject(other))).rejects.toBe(other);
    expect(await withQuotaGuard(() => 7)).toBe(7);
  });
});

describe("a full disk deletes nothing", () => {
  it("a quota failure in a table hook aborts the whole write and surfaces as the quota AppError", async () => {
    const db = freshDb();
    const conv = await createConversation(db);
    const before = await db.conversations.get(conv.id);
    const hook = () => {
      throw quota();
    };
    db.messages.hook("creating", hook);
    const err = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "keep me" }).catch(
      (e: unknown) => e,
    );
    expect(isQuotaAppError(err)).toBe(true);
    expect((err as AppError).messages.en).toMatch(/storage is full/);
    // The transaction rolled back: no message, conversation untouched.
    expect(await db.messages.count()).toBe(0);
    expect(await db.conversations.get(conv.id)).toEqual(before);
    db.messages.hook("creating").unsubscribe(hook);
  });

  it("maps a stubbed table method failure (media)", async () => {
    const db = freshDb();
    // An image and its bytes are written together (bulkAdd, in one transaction with mediaBlobs).
    vi.spyOn(db.images, "bulkAdd").mockImplementation(
      () => Promise.reject(new Dexie.QuotaExceededError("full")) as never,
    );
    const err = await saveImage(db, {
      prompt: "p",
      model: { provider: "siliconflow", id: "m" },
      params: {},
      blob: new Blob(["x"]),
    }).catch((e: unknown) => e);
    expect(isQuotaAppError(err)).toBe(true);
    // All or nothing: the bytes written before the row failed were rolled back with it.
    expect(await db.mediaBlobs.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  it("the stream saver reports the failure, keeps the text, and retries on the next write", async () => {
    const db = freshDb();
    const conv = await createConversation(db);
    const q = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "q" });
    const a = await startAssistantMessage(db, { conversationId: conv.id, parentId: q.id });
    const errors: unknown[] = [];
    const saver = createThrottledSaver(db, a.id, { intervalMs: 1, onError: (e) => errors.push(e) });
    const hook = () => {
      throw quota();
    };
    db.messages.hook("updating", hook);
    saver.save({ parts: [{ type: "text", text: "partial" }], text: "partial" });
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(isQuotaAppError(errors[0])).toBe(true);
    await expect(saver.finish("complete")).rejects.toSatisfy(isQuotaAppError);
    db.messages.hook("updating").unsubscribe(hook);
    // Space freed: finishing again stores the text that was kept in memory.
    await saver.finish("complete");
    expect(await db.messages.get(a.id)).toMatchObject({ status: "complete", text: "partial" });
  });

  it("an import that hits the quota adds nothing", async () => {
    const source = freshDb();
    await createConversation(source, { title: "one" });
    await createConversation(source, { title: "two" });
    const backup = await exportAll(source);
    const db = freshDb();
    let n = 0;
    db.conversations.hook("creating", () => {
      if (++n === 2) throw quota();
    });
    await expect(importAll(db, backup)).rejects.toSatisfy(isQuotaAppError);
    expect(await db.conversations.count()).toBe(0);
  });
});

describe("persistence and estimate", () => {
  it("answer false / null where the browser has no storage manager (Node, old browsers)", async () => {
    vi.stubGlobal("navigator", undefined);
    expect(await requestPersistence()).toBe(false);
    expect(await storageEstimate()).toBeNull();
  });

  it("use navigator.storage when present; a refusal is a normal answer", async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal("navigator", {
      storage: { persist, persisted: async () => false, estimate: async () => ({ usage: 1234, quota: 10_000 }) },
    });
    expect(await requestPersistence()).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
    expect(await storageEstimate()).toEqual({ usage: 1234, quota: 10_000 });
    vi.stubGlobal("navigator", { storage: { persisted: async () => true, persist } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });
});
