import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AppDB,
  addUserMessage,
  countConversations,
  createConversation,
  finishAssistantMessage,
  getConversationMessages,
  getThread,
  listConversations,
  type Message,
  searchConversations,
  startAssistantMessage,
  uuid,
} from "@/lib/db";
import { seedLargeHistory } from "@/lib/db/seed";
import { tokenize } from "@/lib/db/tokenize";

const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`test-seed-${uuid()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe("seedLargeHistory", () => {
  it("writes a deterministic mixed English/Chinese history that the queries can use", async () => {
    const a = freshDb();
    const b = freshDb();
    const opts = { conversations: 40, messagesPerConversation: 20, longConversation: 300, batchSize: 250 };
    const result = await seedLargeHistory(a, opts);
    await seedLargeHistory(b, opts);
    expect(result).toMatchObject({ conversations: 41, messages: 40 * 20 + 300 });
    expect(await a.messages.count()).toBe(1100);
    expect(await a.conversations.toArray()).toEqual(await b.conversations.toArray());
    expect(await a.messages.toArray()).toEqual(await b.messages.toArray());

    expect(await countConversations(a)).toBe(41);
    const page = await listConversations(a, { limit: 10 });
    expect(page).toHaveLength(10);
    const long = await getConversationMessages(a, result.longConversationId!);
    expect(long).toHaveLength(300);
    const conv = await a.conversations.get(result.longConversationId!);
    expect(getThread(long, conv?.activeLeafId)).toHaveLength(300);

    const texts = (await a.messages.toArray()).map((m) => m.text).join("\n");
    expect(texts).toMatch(/[\u4e00-\u9fff]/);
    expect(texts).toMatch(/reasoning models|Kubernetes|IndexedDB/);
    expect((await searchConversations(a, "推理")).length).toBeGreaterThan(0);
    expect((await searchConversations(a, "benchmarks")).length).toBeGreaterThan(0);
  });
});

/** Every [word, message id] entry of the messages' `words` index, in index order. */
async function wordsIndex(db: AppDB): Promise<[string, string][]> {
  const out: [string, string][] = [];
  await db.messages.orderBy("words").eachKey((word, cursor) => {
    out.push([String(word), String(cursor.primaryKey)]);
  });
  return out;
}

describe("seedLargeHistory's precomputed search tokens", () => {
  it("are what the app's own write path stores, so search finds the same hits", { timeout: 120_000 }, async () => {
    const seeded = freshDb();
    const opts = { conversations: 16, messagesPerConversation: 10, longConversation: 30, batchSize: 100 };
    await seedLargeHistory(seeded, opts);
    // Oldest first, as they were written (the seeder's clock runs on across conversations).
    const rows = (await seeded.messages.toArray()).sort((a, b) => a.createdAt - b.createdAt);
    expect(rows.length).toBe(16 * 10 + 30);
    for (const m of rows) expect(m.words).toEqual(tokenize(m.text));

    // The same messages, one by one through the functions the chat page calls, at the same times
    // (only Date is faked: the database's own timers run as usual).
    const app = freshDb();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const byConversation = new Map<string, Message[]>();
      for (const m of rows) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
      for (const [conversationId, messages] of byConversation) {
        vi.setSystemTime(messages[0]!.createdAt - 1);
        await createConversation(app, { id: conversationId });
        for (const m of messages) {
          vi.setSystemTime(m.createdAt);
          if (m.role === "user") {
            await addUserMessage(app, { id: m.id, conversationId, parentId: m.parentId, parts: m.parts, text: m.text });
          } else {
            await startAssistantMessage(app, { id: m.id, conversationId, parentId: m.parentId! });
            await finishAssistantMessage(app, m.id, "complete", { parts: m.parts, text: m.text });
          }
        }
      }
    } finally {
      vi.useRealTimers();
    }

    const index = await wordsIndex(seeded);
    expect(index.length).toBeGreaterThan(5_000);
    expect(await wordsIndex(app)).toEqual(index);
    const ids = (hits: Awaited<ReturnType<typeof searchConversations>>) =>
      hits.map((h) => [h.conversation.id, h.snippet?.messageId, h.snippet?.text]);
    for (const q of ["quantization", "sourdough bread", "black ho", "向量数据库", "推理", "量化", "benchmarks 场景"]) {
      const expected = await searchConversations(seeded, q);
      expect(ids(await searchConversations(app, q)), q).toEqual(ids(expected));
    }
    expect((await searchConversations(seeded, "量化")).length).toBeGreaterThan(0);
  });
});

// Scale run, off by default: DB_BENCH=1 npx vitest run tests/unit/db-seed. Under fake-indexeddb
// (pure JS, in memory) the numbers are only relative; the budgets are measured in Chromium.
describe.runIf(process.env.DB_BENCH === "1")("seed at scale (fake-indexeddb)", () => {
  it("10k conversations × 20 messages + one of 2,000", { timeout: 3_600_000 }, async () => {
    const db = freshDb();
    const r = await seedLargeHistory(db, { onProgress: (n, t) => n % 50_000 < 5_000 && console.log(`seed ${n}/${t}`) });
    const time = async <T>(label: string, fn: () => Promise<T>) => {
      const t0 = performance.now();
      const v = await fn();
      console.log(`${label}: ${(performance.now() - t0).toFixed(1)} ms`);
      return v;
    };
    console.log(`seed: ${r.messages} messages, ${r.conversations} conversations in ${r.ms} ms`);
    await time("sidebar (first 100)", () => listConversations(db, { limit: 100 }));
    await time("sidebar count", () => countConversations(db));
    await time("search en 'quantization'", () => searchConversations(db, "quantization"));
    await time("search en prefix 'bench'", () => searchConversations(db, "bench"));
    await time("search zh '推理模型'", () => searchConversations(db, "推理模型"));
    await time("search zh '模型'", () => searchConversations(db, "模型"));
    await time("search zh '推理' (again, warm)", () => searchConversations(db, "推理"));
    await time("search en 'reasoning models'", () => searchConversations(db, "reasoning models"));
    await time("search rare 'photosynthesis step'", () => searchConversations(db, "photosynthesis step"));
    const first5000 = await listConversations(db, { limit: 5_000 });
    await time("sidebar page after row 5,000 (keyset)", () =>
      listConversations(db, { limit: 100, after: first5000.at(-1)! }),
    );
    await time("search two words 'marathon training'", () => searchConversations(db, "marathon training"));
    await time("search no match", () => searchConversations(db, "xylophone"));
    const msgs = await time("open 2,000-message conversation", () =>
      getConversationMessages(db, r.longConversationId!),
    );
    expect(msgs).toHaveLength(2_000);
  });
});
