import type { Page } from "@playwright/test";

// Rows written straight into IndexedDB in the stored shape (lib/db/schema.ts), which is what a
// long-time user's browser holds: `conversations` in 20 folders (three in four filed) and one
// pinned conversation of `longMessages` messages, whose id is returned.
export async function seed(page: Page, conversations: number, longMessages: number): Promise<string> {
  return page.evaluate(
    async ({ conversations, longMessages }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("siliconplay");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const put = (store: string, rows: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, "readwrite");
          const os = tx.objectStore(store);
          for (const row of rows) os.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const base = Date.now() - conversations * 60_000;
      const usage = { input: 0, output: 0, reasoning: 0 };
      const convs = [];
      // Three in four conversations sit in one of 20 folders (schema v3, issue 24); the rest are in
      // the main list ("" = no folder, the value every stored row has since the v3 upgrade).
      const folders = Array.from({ length: 20 }, (_, f) => ({
        id: `perf-folder-${f}`,
        name: `Folder ${String(f).padStart(2, "0")}`,
        createdAt: base,
        updatedAt: base,
      }));
      for (let i = 0; i < conversations; i++) {
        convs.push({
          id: `perf-${i}`,
          title: `Seeded conversation ${i}`,
          titleSource: "user",
          pinned: 0,
          createdAt: base + i * 60_000,
          updatedAt: base + i * 60_000,
          deletedAt: 0,
          usage,
          words: [],
          folderId: i % 4 === 0 ? "" : `perf-folder-${i % 20}`,
        });
      }
      const longId = "perf-long";
      const messages = [];
      let parentId: string | null = null;
      const start = Date.now() - longMessages * 1000;
      for (let i = 0; i < longMessages; i++) {
        const id = `${longId}~${String(i).padStart(9, "0")}`;
        const role = i % 2 === 0 ? "user" : "assistant";
        const text =
          role === "user"
            ? `Question ${i}: how does step ${i} work?`
            : `## Answer ${i}\n\nStep **${i}** works like this:\n\n- first part\n- second part\n\n\`\`\`ts\nconst step = ${i};\n\`\`\`\n\nDone with ${i}.`;
        messages.push({
          id,
          conversationId: longId,
          parentId,
          role,
          parts: [{ type: "text", text }],
          text,
          status: "complete",
          createdAt: start + i * 1000,
          updatedAt: start + i * 1000,
          words: [],
        });
        parentId = id;
      }
      convs.push({
        id: longId,
        title: "Seeded long conversation",
        titleSource: "user",
        pinned: 1,
        createdAt: start,
        updatedAt: Date.now(),
        deletedAt: 0,
        usage,
        activeLeafId: parentId,
        words: [],
        folderId: "",
      });
      await put("folders", folders);
      await put("conversations", convs);
      await put("messages", messages);
      db.close();
      return longId;
    },
    { conversations, longMessages },
  );
}
