import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  createConversation,
  finishedRow,
  keepReplySnapshot,
  markStreamingAsInterrupted,
  replySnapshots,
  startAssistantMessage,
  uuid,
} from "@/lib/db";

// A page going away keeps its reply in localStorage (synchronous); IndexedDB writes still pending
// then may never commit. The next start stores the snapshot before marking leftovers interrupted.

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
const text = (t: string) => [{ type: "text", text: t }];

async function streamingReply(stored: string) {
  const db = new AppDB(`test-snap-${uuid()}`);
  opened.push(db);
  const conv = await createConversation(db);
  const user = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: text("Q"), text: "Q" });
  const reply = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
  await db.messages.update(reply.id, { parts: text(stored), text: stored, streamOwner: "gone-tab" });
  return { db, row: (await db.messages.get(reply.id))! };
}

const gone = () => false;

describe("reply snapshots", () => {
  it("brings back everything that had arrived, marked interrupted (the throttled write had less)", async () => {
    const { db, row } = await streamingReply("The ans");
    const store = new MemoryStorage();
    keepReplySnapshot(
      { ...row, parts: text("The answer is 42."), text: "The answer is 42.", updatedAt: row.updatedAt + 1 },
      store,
    );
    await markStreamingAsInterrupted(db, { isAlive: gone, snapshots: store });
    const stored = await db.messages.get(row.id);
    expect(stored).toMatchObject({ status: "interrupted", text: "The answer is 42." });
    expect(stored?.words).toEqual(expect.arrayContaining(["42"]));
    expect(replySnapshots(store)).toEqual([]);
  });

  it("stores a reply whose stream had ended as complete, with its usage and finish reason", async () => {
    const { db, row } = await streamingReply("Do");
    const store = new MemoryStorage();
    const extra = {
      parts: text("Done."),
      text: "Done.",
      usage: { input: 2, output: 3, reasoning: 0 },
      finishReason: "stop",
    };
    keepReplySnapshot(finishedRow(row, "complete", extra), store);
    await markStreamingAsInterrupted(db, { isAlive: gone, snapshots: store });
    const stored = await db.messages.get(row.id);
    expect(stored).toMatchObject({ status: "complete", text: "Done.", finishReason: "stop" });
    expect(stored?.usage).toEqual({ input: 2, output: 3, reasoning: 0 });
    expect(stored?.streamOwner).toBeUndefined();
  });

  it("never replaces a reply that was finished normally, nor one another open tab still streams", async () => {
    const { db, row } = await streamingReply("Partial");
    const store = new MemoryStorage();
    await db.messages.update(row.id, { status: "complete", text: "Whole answer." });
    keepReplySnapshot({ ...row, text: "Partial plus", updatedAt: row.updatedAt + 1 }, store);
    await markStreamingAsInterrupted(db, { isAlive: gone, snapshots: store });
    expect((await db.messages.get(row.id))?.text).toBe("Whole answer.");
    expect(replySnapshots(store)).toEqual([]);

    const other = await streamingReply("Live");
    keepReplySnapshot({ ...other.row, text: "Live and more", updatedAt: other.row.updatedAt + 1 }, store);
    await markStreamingAsInterrupted(other.db, { isAlive: (tab) => tab === "gone-tab", snapshots: store });
    expect(await other.db.messages.get(other.row.id)).toMatchObject({ status: "streaming", text: "Live" });
    expect(replySnapshots(store)).toHaveLength(1);
  });
});
