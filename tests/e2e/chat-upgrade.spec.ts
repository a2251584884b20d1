import { dbWarmScript } from "../../lib/db/warm-script";
import { ChatPage } from "./pages/chat-page";
import { expect, test } from "./support/fixtures";

// The history database in real Chromium across a schema upgrade, with the page's early open
// (lib/db/warm-script.ts) holding a connection when the app asks for the new version.

test("a history saved by the previous version opens after the upgrade", async ({ page, t }) => {
  // Any page of the origin will do to write the old database before the app ever runs.
  await page.goto("/api/health");
  await page.evaluate(async () => {
    // Schema version 1 as Dexie wrote it (Dexie stores version × 10), with rows in the v1 shape.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("siliconplay", 10);
      req.onupgradeneeded = () => {
        const d = req.result;
        d.createObjectStore("conversations", { keyPath: "id" }).createIndex("updatedAt", "updatedAt");
        const messages = d.createObjectStore("messages", { keyPath: "id" });
        messages.createIndex("conversationId", "conversationId");
        messages.createIndex("[conversationId+createdAt]", ["conversationId", "createdAt"]);
        d.createObjectStore("images", { keyPath: "id" }).createIndex("createdAt", "createdAt");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(["conversations", "messages"], "readwrite");
      tx.objectStore("conversations").put({
        id: "c-old",
        title: "Tide pools before the upgrade",
        model: "Qwen/Qwen2.5-7B-Instruct",
        pinned: false,
        createdAt: 1,
        updatedAt: 2,
      });
      const messages = tx.objectStore("messages");
      messages.put({
        id: "m1",
        conversationId: "c-old",
        role: "user",
        content: "What lives in tide pools?",
        createdAt: 1,
      });
      messages.put({
        id: "m2",
        conversationId: "c-old",
        role: "assistant",
        content: "Anemones, crabs and sea stars.",
        status: "done",
        createdAt: 2,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });

  const chat = new ChatPage(page, t);
  await chat.goto();
  const old = chat.conversations.getByRole("link", { name: /Tide pools before the upgrade/ });
  await expect(old).toBeVisible();
  await old.click();
  await expect(chat.userMessages).toHaveText(["What lives in tide pools?"]);
  await expect(chat.assistantMessages).toContainText(["Anemones, crabs and sea stars."]);
  // The app's database is at the current version (v5: media bytes in their own table; Dexie reports it ×10).
  const after = await page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((d) => d.name === "siliconplay");
    return info?.version;
  });
  expect(after).toBe(50);
});

test("the early open creates nothing on a first visit and never blocks an upgrade", async ({ page }) => {
  await page.goto("/api/health");
  const result = await page.evaluate(async (script) => {
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    const settle = () => new Promise((r) => setTimeout(r, 300));
    new Function(script)();
    await settle();
    const firstVisit = await names();

    // An existing database: the early open holds a connection, and a newer version must not wait.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open("siliconplay", 10);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    new Function(script)();
    await settle();
    let blocked = false;
    const version = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open("siliconplay", 20);
      req.onblocked = () => {
        blocked = true;
      };
      req.onsuccess = () => {
        const v = req.result.version;
        req.result.close();
        resolve(v);
      };
      req.onerror = () => reject(req.error);
    });
    return { firstVisit, blocked, version };
  }, dbWarmScript);
  expect(result.firstVisit).not.toContain("siliconplay");
  expect(result.version).toBe(20);
  expect(result.blocked).toBe(false);
});
