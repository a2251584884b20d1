import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  createConversation,
  finishAssistantMessage,
  getConversationMessages,
  type MessagePart,
  startAssistantMessage,
  uuid,
} from "@/lib/db";
import { exportAll, importAll } from "@/lib/db/backup";
import { sourcePart, sourcesOf } from "@/lib/search/sources";

// Issue 22: a reply's web search sources are stored with it (as source-url parts), exported in a backup
// and imported again, so citations come back wherever the conversation goes.

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-sources-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe("web search sources in storage and backups", () => {
  it("survive a backup's export and import, and a hostile part is ignored when read", async () => {
    const db = freshDb();
    const conv = await createConversation(db, { model: { provider: "glm", id: "glm-4-flash" } });
    const user = await addUserMessage(db, {
      conversationId: conv.id,
      parentId: null,
      text: "bees?",
      parts: [{ type: "text", text: "bees?" }],
    });
    const reply = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
    const sources = [
      { n: 1, title: "Bees", url: "https://news.example.com/a", site: "Example News", date: "2026-03-04" },
      { n: 2, title: "More bees", url: "https://wiki.example.org/b" },
    ];
    const text = "Bees dance [ref_1][ref_2].";
    await finishAssistantMessage(db, reply.id, "complete", {
      text,
      parts: [
        ...sources.map((s) => sourcePart(s, "glm-tool") as unknown as MessagePart),
        // What an edited backup could carry: never a link.
        {
          type: "source-url",
          sourceId: "ref_3",
          url: "javascript:alert(1)",
          title: "x",
          providerMetadata: { webSearch: { n: 3 } },
        },
        { type: "text", text },
      ],
    });

    const backup = JSON.parse(JSON.stringify(await exportAll(db)));
    const target = freshDb();
    await importAll(target, backup);
    const messages = await getConversationMessages(target, conv.id);
    const restored = messages.find((m) => m.id === reply.id);
    expect(restored).toBeDefined();
    expect(sourcesOf(restored!.parts)).toEqual(sources);
  });
});
