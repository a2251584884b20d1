import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { usageRecords } from "@/lib/cost/client/spending";
import { conversationCost, replyCost, replySpeed } from "@/lib/cost/reply";
import { summarizeSpending } from "@/lib/cost/spending";
import { addUsage, finishedRow, getDB, type Message } from "@/lib/db";

// A stored reply's cost and speed, and spending read back from IndexedDB rows.

const base: Message = {
  id: "c1\u0000m1",
  conversationId: "c1",
  parentId: null,
  role: "assistant",
  parts: [],
  text: "",
  status: "streaming",
  createdAt: Date.UTC(2026, 11, 3, 4),
  updatedAt: Date.UTC(2026, 11, 3, 4),
  words: [],
};

afterEach(async () => {
  const db = getDB();
  await Promise.all([db.messages.clear(), db.images.clear(), db.speech.clear(), db.videos.clear()]);
});

describe("a stored reply", () => {
  it("costs its usage at the model's price: DeepSeek-V3 at ¥2 in and ¥8 out per million", () => {
    const reply = { ...base, model: { provider: "siliconflow" as const, id: "deepseek-ai/DeepSeek-V3" } };
    const cost = replyCost({ ...reply, usage: { input: 1000, output: 500, reasoning: 0 } });
    expect(cost?.yuan).toBeCloseTo((1000 * 2 + 500 * 8) / 1e6, 12);
    expect(replyCost(reply)).toBeNull();
  });

  it("bills GLM cache hits at the cache price", () => {
    const reply = { ...base, model: { provider: "glm" as const, id: "glm-4.5" } };
    const plain = replyCost({ ...reply, usage: { input: 1000, output: 100, reasoning: 0 } })?.yuan ?? 0;
    const cached = replyCost({ ...reply, usage: { input: 1000, output: 100, reasoning: 0, cached: 800 } })?.yuan ?? 0;
    expect(cached).toBeLessThan(plain);
  });

  it("a user override wins over the table; a free model is ¥0; an unknown price is null, not ¥0", () => {
    const usage = { input: 1_000_000, output: 0, reasoning: 0 };
    const reply = { ...base, usage, model: { provider: "siliconflow" as const, id: "deepseek-ai/DeepSeek-V3" } };
    const overrides = {
      "siliconflow:deepseek-ai/DeepSeek-V3": { unit: "tokens" as const, tiers: [{ rates: { input: 5, output: 5 } }] },
    };
    expect(replyCost(reply, overrides)?.yuan).toBe(5);
    expect(replyCost({ ...reply, model: { provider: "siliconflow", id: "Qwen/Qwen3-8B" } })?.yuan).toBe(0);
    expect(replyCost({ ...reply, model: { provider: "glm", id: "glm-5.2" } })?.yuan).toBeNull();
  });

  it("gives time to first token, tokens per second and total from the server's figures", () => {
    const speed = replySpeed({
      ...base,
      usage: { input: 1, output: 200, reasoning: 0 },
      firstTokenMs: 500,
      durationMs: 2500,
    });
    expect(speed).toEqual({ ttftMs: 500, totalMs: 2500, tokensPerSecond: 100 });
    expect(replySpeed(base)).toBeNull();
  });

  it("sums a conversation and says when part of it has no known price", () => {
    const usage = { input: 1_000_000, output: 0, reasoning: 0 };
    const paid = { ...base, usage, model: { provider: "siliconflow" as const, id: "deepseek-ai/DeepSeek-V3" } };
    const unknown = { ...paid, model: { provider: "glm" as const, id: "glm-5.2" } };
    const user = { ...base, role: "user" as const };
    expect(conversationCost([user, paid, paid])).toEqual({ yuan: 4, complete: true, count: 2 });
    expect(conversationCost([paid, unknown])).toEqual({ yuan: 2, complete: false, count: 2 });
  });
});

describe("storing a reply's figures", () => {
  it("keeps the last request's speed and adds cached tokens to the usage", () => {
    const first = finishedRow(base, "stopped", {
      usage: { input: 10, output: 5, reasoning: 0 },
      durationMs: 900,
      firstTokenMs: 300,
    });
    expect(first).toMatchObject({ durationMs: 900, firstTokenMs: 300 });
    const continued = finishedRow(first, "complete", {
      usage: { input: 20, output: 7, reasoning: 0, cached: 10 },
      durationMs: 400,
    });
    expect(continued.durationMs).toBe(400);
    expect(continued.firstTokenMs).toBeUndefined();
    expect(continued.usage).toEqual({ input: 30, output: 12, reasoning: 0, cached: 10 });
    expect(addUsage({ input: 1, output: 1, reasoning: 0 }, { input: 1 })).toEqual({
      input: 2,
      output: 1,
      reasoning: 0,
    });
  });
});

describe("spending from IndexedDB", () => {
  it("reads replies, images and speech as usage records priced by their own units", async () => {
    const db = getDB();
    const at = Date.UTC(2026, 11, 3, 4);
    await db.messages.put({
      ...base,
      status: "complete",
      model: { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3" },
      usage: { input: 1_000_000, output: 0, reasoning: 0 },
    });
    await db.messages.put({ ...base, id: "c1\u0000m0", role: "user", text: "hi" });
    await db.images.put({
      id: "i1",
      createdAt: at,
      prompt: "cat",
      model: { provider: "glm", id: "cogview-4" },
      params: {},
      mime: "image/png",
      blobId: "b-i1",
    });
    await db.speech.put({
      id: "s1",
      createdAt: at,
      text: "hello",
      model: { provider: "siliconflow", id: "FunAudioLLM/CosyVoice2-0.5B" },
      voice: "alex",
      settings: {},
      mime: "audio/mpeg",
      blobId: "b-s1",
    });
    const records = await usageRecords({});
    const byCapability = Object.fromEntries(records.map((r) => [r.capability, r.cost]));
    expect(byCapability.chat).toBe(2);
    expect(byCapability.image).toBeCloseTo(0.06, 10);
    expect(records.filter((r) => r.capability === "speech")).toHaveLength(1);
    const summary = summarizeSpending(records, { now: at, timeZone: "Asia/Shanghai", weekStartsOn: 1 });
    expect(summary.today.byCapability.chat).toBe(2);
    expect(summary.month.byProvider.glm).toBeCloseTo(0.06, 10);
  });
});
