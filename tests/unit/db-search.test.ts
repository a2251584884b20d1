import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AppDB,
  addUserMessage,
  createConversation,
  createThrottledSaver,
  queryTerms,
  renameConversation,
  searchConversations,
  softDeleteConversation,
  startAssistantMessage,
  tokenize,
  uuid,
} from "@/lib/db";
import { tokensMatch } from "@/lib/db/query";
import { seedLargeHistory } from "@/lib/db/seed";
import { tokenizeInSlices } from "@/lib/db/tokenize";

describe("tokenize", () => {
  it("keeps English words, lower-cased, NFKC-normalized and deduplicated", () => {
    expect(tokenize("Reasoning models are GREAT, reasoning!")).toEqual(["reasoning", "models", "are", "great"]);
    expect(tokenize("ＦＵＬＬ width ＡＢＣ")).toEqual(["full", "width", "abc"]);
    expect(tokenize("DeepSeek-R1 v3.5")).toEqual(["deepseek", "r1", "v3.5"]);
    expect(tokenize("")).toEqual([]);
  });

  it("indexes Chinese runs as bigrams plus the run's last character", () => {
    expect(tokenize("我喜欢推理模型")).toEqual(["我喜", "喜欢", "欢推", "推理", "理模", "模型", "型"]);
    // Mixed text keeps both kinds, in order.
    expect(tokenize("用 GLM-4V 看图")).toEqual(["用", "glm", "4v", "看图", "图"]);
  });

  it("caps the number of distinct tokens", () => {
    const long = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" ");
    const tokens = tokenize(long);
    expect(tokens).toHaveLength(2000);
    expect(tokens[0]).toBe("w0");
    expect(tokenize(long, 10)).toHaveLength(10);
  });

  it("gives the same tokens in slices as in one go, for long mixed text", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0 ? `第${i}行：推理模型与视觉模型的比较` : `Line ${i} streams tokens w${i % 700} into the buffer`,
    );
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(80_000);
    expect(await tokenizeInSlices(text, 100_000, 4_000)).toEqual(tokenize(text, 100_000));
    // The default cap holds across slices too.
    expect(await tokenizeInSlices(text)).toEqual(tokenize(text));
  });

  it("turns a query into exact and prefix terms", () => {
    expect(queryTerms("reasoning mod")).toEqual([
      { term: "reasoning", prefix: false },
      { term: "mod", prefix: true },
    ]);
    expect(queryTerms("reasoning ")).toEqual([{ term: "reasoning", prefix: false }]);
    expect(queryTerms("推理模型")).toEqual([
      { term: "推理", prefix: false },
      { term: "理模", prefix: false },
      { term: "模型", prefix: false },
    ]);
    expect(queryTerms("猫")).toEqual([{ term: "猫", prefix: true }]);
    expect(queryTerms("a")).toEqual([{ term: "a", prefix: false }]);
    expect(queryTerms(" ,.!? ")).toEqual([]);
  });
});

describe("searchConversations", () => {
  const db = new AppDB(`test-search-${uuid()}`);
  const ids: Record<string, string> = {};

  async function chat(key: string, question: string, answer: string) {
    const conv = await createConversation(db);
    ids[key] = conv.id;
    const q = await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text: question });
    const a = await startAssistantMessage(db, { conversationId: conv.id, parentId: q.id });
    const saver = createThrottledSaver(db, a.id);
    saver.save({ parts: [{ type: "text", text: answer }], text: answer });
    await saver.finish("complete");
  }

  beforeAll(async () => {
    await chat("cn", "我喜欢推理模型", "这个模型很好，推理能力很强。一只猫在睡觉。");
    await chat("en", "How do reasoning models work?", "They think step by step before answering.");
    await chat("db", "Explain IndexedDB", "IndexedDB stores structured data in the browser.");
    await chat("gone", "Deleted reasoning chat", "This one was deleted.");
    await softDeleteConversation(db, ids.gone!);
    await chat("title", "unrelated question", "unrelated answer");
    await renameConversation(db, ids.title!, "Quantization notes");
  });
  afterAll(async () => {
    await db.delete();
  });

  const found = async (q: string) => (await searchConversations(db, q)).map((h) => h.conversation.id);

  it("finds an English word, in the question or in the answer", async () => {
    expect(await found("reasoning")).toEqual([ids.en]);
    expect(await found("step answering")).toEqual([ids.en]);
    expect(await found("browser")).toEqual([ids.db]);
  });

  it("finds Chinese words whatever the segmentation", async () => {
    expect(await found("推理")).toEqual([ids.cn]);
    expect(await found("模型")).toEqual([ids.cn]);
    expect(await found("推理模型")).toEqual([ids.cn]);
    expect(await found("猫")).toEqual([ids.cn]);
    expect(await found("睡觉")).toEqual([ids.cn]);
    expect(await found("模型推理")).toEqual([]);
  });

  it("matches the last word as a prefix", async () => {
    expect(await found("reason")).toEqual([ids.en]);
    expect(await found("Index")).toEqual([ids.db]);
    expect(await found("indexe")).toEqual([ids.db]);
  });

  it("matches titles, returns snippets, and answers no match with nothing", async () => {
    const [hit] = await searchConversations(db, "quantization");
    expect(hit?.conversation.id).toBe(ids.title);
    expect(hit?.matchedTitle).toBe(true);
    expect(hit?.snippet).toBeUndefined();
    const [cn] = await searchConversations(db, "推理");
    expect(cn?.snippet?.text).toContain("推理");
    const h = cn?.snippet?.highlight;
    expect(h && cn?.snippet?.text.slice(h[0], h[1])).toBe("推理");
    expect(await found("kubernetes")).toEqual([]);
    expect(await found("")).toEqual([]);
  });

  it("leaves out soft-deleted conversations", async () => {
    expect(await found("deleted")).toEqual([]);
  });

  it("returns the newest live conversations however many titles match", async () => {
    const many = new AppDB(`test-search-many-${uuid()}`);
    try {
      const rows = Array.from({ length: 1_700 }, (_, i) => {
        const title = i % 3 === 0 ? `lighthouse log ${i}` : `harbour log ${i}`;
        return {
          id: `c${String(i).padStart(5, "0")}`,
          title,
          titleSource: "user" as const,
          pinned: 0 as const,
          createdAt: i,
          // Activity order differs from id order, so an id order would fail.
          updatedAt: 10_000 + ((i * 7_919) % 1_700),
          deletedAt: 0,
          usage: { input: 0, output: 0, reasoning: 0 },
          words: tokenize(title),
        };
      });
      const newestFirst = (list: typeof rows) => [...list].sort((a, b) => b.updatedAt - a.updatedAt);
      // The newest conversation is soft-deleted: it must not take a place in either path.
      newestFirst(rows)[0]!.deletedAt = 1;
      await many.conversations.bulkAdd(rows);
      const live = rows.filter((r) => !r.deletedAt);
      const ids = async (q: string) =>
        (await searchConversations(many, q, { limit: 30 })).map((h) => h.conversation.id);
      // "log": all 1,700 titles, so the recency index is walked (two pages for 30 hits).
      expect(await ids("log")).toEqual(
        newestFirst(live)
          .slice(0, 30)
          .map((r) => r.id),
      );
      // "lighthouse": 567 titles, one in three, so the walk skips most keys it reads.
      const lighthouse = newestFirst(live.filter((r) => r.title.startsWith("lighthouse")));
      expect(await ids("lighthouse")).toEqual(lighthouse.slice(0, 30).map((r) => r.id));
    } finally {
      await many.delete();
    }
  });

  it("orders by last activity and respects the limit", async () => {
    await chat("newer", "more about reasoning", "reasoning again");
    expect(await found("reasoning")).toEqual([ids.newer, ids.en]);
    expect((await searchConversations(db, "reasoning", { limit: 1 })).map((h) => h.conversation.id)).toEqual([
      ids.newer,
    ]);
  });

  it("does not read message rows to find hits (index only)", async () => {
    let reads = 0;
    const sub = (obj: unknown) => {
      reads++;
      return obj;
    };
    db.messages.hook("reading", sub);
    await searchConversations(db, "zzzz-no-such-word");
    expect(reads).toBe(0);
    await searchConversations(db, "reasoning");
    // Only the snippet rows of the page of results are read.
    expect(reads).toBeLessThanOrEqual(2);
    db.messages.hook("reading").unsubscribe(sub);
  });
});

describe("searchConversations with common words (paged walk)", () => {
  const db = new AppDB(`test-search-paged-${uuid()}`);
  beforeAll(async () => {
    await seedLargeHistory(db, { conversations: 60, messagesPerConversation: 10, longConversation: 0, batchSize: 200 });
    // A few soft-deleted ones must never show up.
    const some = await db.conversations.limit(5).primaryKeys();
    for (const id of some) await softDeleteConversation(db, id);
  });
  afterAll(async () => {
    await db.delete();
  });

  /** The reference answer: every live conversation with a message or title matching all terms. */
  async function oracle(query: string): Promise<Set<string>> {
    const terms = queryTerms(query);
    const live = new Set((await db.conversations.toArray()).filter((c) => !c.deletedAt).map((c) => c.id));
    const out = new Set<string>();
    const ok = (words: string[]) => terms.every((t) => tokensMatch(words, t));
    for (const m of await db.messages.toArray())
      if (live.has(m.conversationId) && ok(m.words)) out.add(m.conversationId);
    for (const c of await db.conversations.toArray()) if (live.has(c.id) && ok(c.words)) out.add(c.id);
    return out;
  }

  const queries = ["模型", "推理模型", "benchmarks", "bench", "the key idea", "基准测试 场景", "step", "请解释", "zzz"];

  it.each(queries)("finds exactly the matching conversations for %s, whatever the page size", async (q) => {
    const expected = await oracle(q);
    for (const pageSize of [1, 3, 17, 1000]) {
      const hits = await searchConversations(db, q, { limit: 1000, pageSize });
      expect(new Set(hits.map((h) => h.conversation.id))).toEqual(expected);
      const times = hits.map((h) => h.conversation.updatedAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const h of hits) if (h.snippet) expect(h.snippet.text.length).toBeGreaterThan(0);
    }
  });

  it.each(queries)("stops early with a small limit and returns only matches for %s", async (q) => {
    const expected = await oracle(q);
    const hits = await searchConversations(db, q, { limit: 5, pageSize: 4 });
    expect(hits.length).toBe(Math.min(5, expected.size));
    for (const h of hits) expect(expected.has(h.conversation.id)).toBe(true);
  });
});

describe("searchConversations with two common words that rarely meet", () => {
  const db = new AppDB(`test-search-pair-${uuid()}`);
  const both: string[] = [];

  async function chat(text: string) {
    const conv = await createConversation(db);
    await addUserMessage(db, { conversationId: conv.id, parentId: null, parts: [], text });
    return conv.id;
  }

  beforeAll(async () => {
    // Oldest first: four conversations with both words, then twenty newer ones with one word each.
    for (let i = 0; i < 4; i++) both.push(await chat(`alpha and beta, part ${i}`));
    for (let i = 0; i < 10; i++) {
      await chat(`only alpha here ${i}`);
      await chat(`only beta here ${i}`);
    }
  });
  afterAll(async () => {
    await db.delete();
  });

  // Typed without a trailing space the last word is a prefix; no longer stored word starts with
  // "beta", so its hits still come newest first and settle the same way.
  it.each(["alpha beta ", "alpha beta"])(
    "%s: the newer one-word hits are settled from index keys; rows are read for the older ones and the snippets",
    async (query) => {
      let reads = 0;
      const count = (row: unknown) => {
        reads++;
        return row;
      };
      db.messages.hook("reading", count);
      try {
        // 12 keys a page: each word's first page holds its ten one-word hits and the two newest pairs.
        const hits = await searchConversations(db, query, { pageSize: 12 });
        expect(new Set(hits.map((h) => h.conversation.id))).toEqual(new Set(both));
        // The two older pairs are past what is known of the other word (2 rows), and the snippets of
        // the two pairs found from keys alone (2 rows). Checking the ten one-word hits on their rows
        // instead read 14.
        expect(reads).toBe(4);
      } finally {
        db.messages.hook("reading").unsubscribe(count);
      }
    },
  );
});

describe("searchConversations reading on into a common word", () => {
  const db = new AppDB(`test-search-grow-${uuid()}`);
  let keysRead = 0;
  // Counts the index keys search reads (Dexie's storage layer, below search).
  db.use({
    stack: "dbcore",
    name: "count-word-keys",
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== "messages") return table;
        return {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            if (req.query.index.name === "words") keysRead += res.result.length;
            return res;
          },
        };
      },
    }),
  });

  beforeAll(async () => {
    // Thirty conversations of four messages each with the word: every page of 20 keys is five conversations.
    for (let c = 0; c < 30; c++) {
      const conv = await createConversation(db);
      let parentId: string | null = null;
      for (let m = 0; m < 4; m++) {
        const msg = await addUserMessage(db, {
          conversationId: conv.id,
          parentId,
          parts: [],
          text: `gamma note ${c}.${m}`,
        });
        parentId = msg.id;
      }
    }
  });
  afterAll(async () => {
    await db.delete();
  });

  it("reads on as far as the matches found so far say it needs, not four pages at once", async () => {
    keysRead = 0;
    const hits = await searchConversations(db, "gamma ", { limit: 6, pageSize: 20 });
    expect(hits).toHaveLength(6);
    const newest = (await db.conversations.orderBy("updatedAt").reverse().limit(6).primaryKeys()).sort();
    expect(hits.map((h) => h.conversation.id).sort()).toEqual(newest);
    // 20 keys held five conversations; six need about 20 × 6/5 × 1.25 = 30 (reading 80 is what it did).
    expect(keysRead).toBe(20 + 30);
  });
});
