import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  createConversation,
  createThrottledSaver,
  defaultLeafId,
  getConversationMessages,
  getThread,
  leafOf,
  type Message,
  setActiveLeaf,
  siblingLeaf,
  siblings,
  startAssistantMessage,
  uuid,
} from "@/lib/db";

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function reply(db: AppDB, conversationId: string, parentId: string, answer: string): Promise<Message> {
  const m = await startAssistantMessage(db, { conversationId, parentId });
  const saver = createThrottledSaver(db, m.id);
  saver.save({ parts: [{ type: "text", text: answer }], text: answer });
  await saver.finish("complete");
  return m;
}

describe("message tree", () => {
  it("regenerate keeps earlier versions as siblings and switches between them", async () => {
    const db = new AppDB(`test-tree-${uuid()}`);
    opened.push(db);
    const conv = await createConversation(db);
    const q1 = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "Q1" });
    const a1 = await reply(db, conv.id, q1.id, "A1");
    const q2 = await addUserMessage(db, { conversationId: conv.id, parentId: a1.id, parts: [], text: "Q2" });
    const a2v1 = await reply(db, conv.id, q2.id, "A2 v1");
    const a2v2 = await reply(db, conv.id, q2.id, "A2 v2"); // Regenerate

    const all = await getConversationMessages(db, conv.id);
    const active = (await db.conversations.get(conv.id))?.activeLeafId;
    expect(active).toBe(a2v2.id);
    expect(getThread(all, active).map((m) => m.text)).toEqual(["Q1", "A1", "Q2", "A2 v2"]);
    expect(siblings(all, a2v2.id)).toEqual({ index: 1, count: 2, ids: [a2v1.id, a2v2.id] });
    expect(siblings(all, q1.id)).toEqual({ index: 0, count: 1, ids: [q1.id] });

    // "‹ 1/2": the earlier version is still there.
    const back = siblingLeaf(all, a2v2.id, -1);
    expect(back).toBe(a2v1.id);
    await setActiveLeaf(db, conv.id, back!);
    expect(getThread(all, back).map((m) => m.text)).toEqual(["Q1", "A1", "Q2", "A2 v1"]);
    expect(siblingLeaf(all, a2v1.id, -1)).toBe(a2v1.id); // clamped
  });

  it("editing a user message branches under the same parent, and the old branch stays reachable", async () => {
    const db = new AppDB(`test-tree-${uuid()}`);
    opened.push(db);
    const conv = await createConversation(db);
    const q1 = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "Q1" });
    const a1 = await reply(db, conv.id, q1.id, "A1");
    const q2 = await addUserMessage(db, { conversationId: conv.id, parentId: a1.id, parts: [], text: "Q2" });
    const a2 = await reply(db, conv.id, q2.id, "A2");
    const q3 = await addUserMessage(db, { conversationId: conv.id, parentId: a2.id, parts: [], text: "Q3" });
    await reply(db, conv.id, q3.id, "A3");
    // Edit Q2 and resend.
    const q2b = await addUserMessage(db, { conversationId: conv.id, parentId: a1.id, parts: [], text: "Q2 edited" });
    const a2b = await reply(db, conv.id, q2b.id, "A2 for edited");

    const all = await getConversationMessages(db, conv.id);
    expect(getThread(all, a2b.id).map((m) => m.text)).toEqual(["Q1", "A1", "Q2 edited", "A2 for edited"]);
    expect(siblings(all, q2b.id)).toMatchObject({ index: 1, count: 2 });
    // Switching back to the original Q2 shows its whole continuation, down to A3.
    const old = siblingLeaf(all, q2b.id, -1);
    expect(getThread(all, old).map((m) => m.text)).toEqual(["Q1", "A1", "Q2", "A2", "Q3", "A3"]);
    // A non-leaf id also works: the thread continues to the newest leaf below it.
    expect(getThread(all, q2.id)).toHaveLength(6);
    expect(leafOf(all, a1.id)).toBe(a2b.id);
    // No choice stored: the branch with the newest message.
    expect(defaultLeafId(all)).toBe(a2b.id);
    expect(getThread(all, "unknown").at(-1)?.id).toBe(a2b.id);
  });

  it("edits of the first message are sibling roots", () => {
    const m = (id: string, parentId: string | null, createdAt: number) => ({ id, parentId, createdAt });
    const all = [m("r1", null, 1), m("a1", "r1", 2), m("r2", null, 3), m("a2", "r2", 4)];
    expect(siblings(all, "r1")).toEqual({ index: 0, count: 2, ids: ["r1", "r2"] });
    expect(getThread(all, siblingLeaf(all, "r2", -1)).map((x) => x.id)).toEqual(["r1", "a1"]);
    expect(getThread([], undefined)).toEqual([]);
  });
});
