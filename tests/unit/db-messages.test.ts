import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  conversationIdOf,
  createConversation,
  createThrottledSaver,
  flushOnPageHide,
  getConversationMessages,
  markStreamingAsInterrupted,
  resumeAssistantMessage,
  startAssistantMessage,
  TAB_ID,
  uuid,
} from "@/lib/db";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-msg-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (t: string) => [{ type: "text", text: t }];

describe("storing a turn", () => {
  it("stores the user message before the reply, and the reply sorts after it", async () => {
    const db = freshDb();
    const conv = await createConversation(db);
    const user = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: text("Hi"), text: "Hi" });

    // Stored, indexed and made the active leaf before any request goes out.
    const stored = await db.messages.get(user.id);
    expect(stored).toMatchObject({ role: "user", status: "complete", text: "Hi", words: ["hi"] });
    const c1 = await db.conversations.get(conv.id);
    expect(c1?.activeLeafId).toBe(user.id);
    expect(c1?.updatedAt).toBeGreaterThan(conv.updatedAt);
    expect(c1?.title).toBe("Hi");
    expect(conversationIdOf(user.id)).toBe(conv.id);

    const reply = await startAssistantMessage(db, {
      conversationId: conv.id,
      parentId: user.id,
      model: { provider: "siliconflow", id: "deepseek-ai/DeepSeek-R1" },
    });
    expect(reply.status).toBe("streaming");
    expect(reply.streamOwner).toBe(TAB_ID);
    expect(reply.createdAt).toBeGreaterThan(user.createdAt);
    const all = await getConversationMessages(db, conv.id);
    expect(all.map((m) => m.id)).toEqual([user.id, reply.id]);
    expect((await db.conversations.get(conv.id))?.activeLeafId).toBe(reply.id);
  });

  it("refuses messages for a conversation that does not exist", async () => {
    const db = freshDb();
    await expect(addUserMessage(db, { conversationId: "nope", parentId: null, parts: [], text: "x" })).rejects.toThrow(
      /does not exist/,
    );
    expect(await db.messages.count()).toBe(0);
  });
});

describe("throttled saver", () => {
  async function streaming(db: AppDB) {
    const conv = await createConversation(db);
    const user = await addUserMessage(db, {
      conversationId: conv.id,
      parentId: null,
      parts: text("Explain reasoning models"),
      text: "Explain reasoning models",
    });
    const reply = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
    return { conv, user, reply };
  }

  it("coalesces 100 token saves into at most 3 writes and finish() writes the final text", async () => {
    const db = freshDb();
    const { conv, reply } = await streaming(db);
    let updates = 0;
    db.messages.hook("updating", () => {
      updates++;
    });
    const saver = createThrottledSaver(db, reply.id, { intervalMs: 200 });
    let answer = "";
    for (let i = 0; i < 100; i++) {
      answer += `token${i} `;
      saver.save({ parts: [{ type: "reasoning", text: "thinking" }, ...text(answer)], text: answer });
    }
    await saver.finish("complete", {
      usage: { input: 10, output: 100, reasoning: 5 },
      finishReason: "stop",
      reasoningMs: 1200,
    });
    expect(saver.writes).toBeLessThanOrEqual(3);
    expect(updates).toBeLessThanOrEqual(3);

    const row = await db.messages.get(reply.id);
    expect(row?.status).toBe("complete");
    expect(row?.text).toBe(answer);
    expect(row?.parts).toHaveLength(2);
    expect(row?.finishReason).toBe("stop");
    expect(row?.reasoningMs).toBe(1200);
    expect(row?.streamOwner).toBeUndefined();
    expect(row?.words).toEqual(expect.arrayContaining(["token0", "token99"]));
    const c = await db.conversations.get(conv.id);
    expect(c?.usage).toEqual({ input: 10, output: 100, reasoning: 5 });
    expect(c?.title).toBe("Explain reasoning models");

    // Saves after finish are ignored.
    saver.save({ parts: text("late"), text: "late" });
    await saver.flush();
    expect((await db.messages.get(reply.id))?.text).toBe(answer);
  });

  it("writes on the leading edge and again after the interval, so a crash loses at most one interval", async () => {
    const db = freshDb();
    const { reply } = await streaming(db);
    const saver = createThrottledSaver(db, reply.id, { intervalMs: 40 });
    saver.save({ parts: text("a"), text: "a" });
    saver.save({ parts: text("ab"), text: "ab" });
    await saver.flush();
    expect((await db.messages.get(reply.id))?.text).toBe("ab");
    saver.save({ parts: text("abc"), text: "abc" });
    await sleep(120);
    const row = await db.messages.get(reply.id);
    expect(row?.text).toBe("abc");
    expect(row?.status).toBe("streaming");
    expect(saver.writes).toBe(3); // leading "a", the explicit flush, the trailing "abc"
    await saver.finish("stopped");
    expect((await db.messages.get(reply.id))?.status).toBe("stopped");
  });

  it("keeps the error and the text received when a reply fails", async () => {
    const db = freshDb();
    const { reply } = await streaming(db);
    const saver = createThrottledSaver(db, reply.id);
    saver.save({ parts: text("partial answer"), text: "partial answer" });
    await saver.finish("failed", {
      error: { code: "overloaded", message: { en: "busy", zh: "繁忙" } },
    });
    const row = await db.messages.get(reply.id);
    expect(row).toMatchObject({ status: "failed", text: "partial answer", error: { code: "overloaded" } });
  });

  it("Continue resumes the same row and adds the new request's usage", async () => {
    const db = freshDb();
    const { conv, reply } = await streaming(db);
    const first = createThrottledSaver(db, reply.id);
    first.save({ parts: text("Half"), text: "Half", usage: { input: 9, output: 9, reasoning: 9 } });
    await first.flush();
    // Usage is not written while streaming, only added once by finish().
    expect((await db.messages.get(reply.id))?.usage).toBeUndefined();
    await first.finish("stopped", { usage: { input: 10, output: 4, reasoning: 0 } });

    const resumed = await resumeAssistantMessage(db, reply.id);
    expect(resumed).toMatchObject({ status: "streaming", streamOwner: TAB_ID, text: "Half" });
    const second = createThrottledSaver(db, reply.id);
    second.save({ parts: text("Half and whole."), text: "Half and whole." });
    await second.finish("complete", { usage: { input: 14, output: 3, reasoning: 0 } });

    const row = await db.messages.get(reply.id);
    expect(row).toMatchObject({
      status: "complete",
      text: "Half and whole.",
      usage: { input: 24, output: 7, reasoning: 0 },
    });
    expect((await db.conversations.get(conv.id))?.usage).toEqual({ input: 24, output: 7, reasoning: 0 });
    expect(await resumeAssistantMessage(db, "missing")).toBeUndefined();
  });

  it("flushOnPageHide is a no-op outside the browser", () => {
    const off = flushOnPageHide({ flush: async () => {} });
    expect(typeof off).toBe("function");
    off();
  });
});

describe("markStreamingAsInterrupted", () => {
  it("marks replies left streaming by closed tabs, not the ones of live tabs", async () => {
    const db = freshDb();
    const conv = await createConversation(db);
    const user = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: "q" });
    const mine = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
    const dead = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
    const alive = await startAssistantMessage(db, { conversationId: conv.id, parentId: user.id });
    await db.messages.update(dead.id, {
      streamOwner: "closed-tab",
      text: "half an answer",
    });
    await db.messages.update(alive.id, { streamOwner: "other-live-tab" });

    const n = await markStreamingAsInterrupted(db, { isAlive: (tab) => tab === "other-live-tab" });
    expect(n).toBe(1);
    expect(await db.messages.get(dead.id)).toMatchObject({
      status: "interrupted",
      text: "half an answer",
      words: ["half", "an", "answer"],
    });
    expect((await db.messages.get(dead.id))?.streamOwner).toBeUndefined();
    expect((await db.messages.get(alive.id))?.status).toBe("streaming");
    expect((await db.messages.get(mine.id))?.status).toBe("streaming");

    // Without Web Locks (Node), a foreign owner counts as gone: a reload marks it.
    expect(await markStreamingAsInterrupted(db)).toBe(1);
    expect((await db.messages.get(alive.id))?.status).toBe("interrupted");
    expect((await db.messages.get(mine.id))?.status).toBe("streaming");
  });
});
