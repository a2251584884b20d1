// A large, deterministic history for benchmarks: thousands of conversations of mixed English and
// Chinese text, plus one very long conversation. Same options → same rows (ids included).

import { prng } from "../prng";
import { autoTitle } from "./conversations";
import { messageIdAt } from "./ids";
import type { AppDB, Conversation, Message, MessagePart } from "./schema";
import { tokenize } from "./tokenize";

export interface SeedOptions {
  conversations?: number;
  messagesPerConversation?: number;
  /** Messages in one extra conversation (0 for none). */
  longConversation?: number;
  /** Rows per bulkPut transaction. */
  batchSize?: number;
  seed?: number;
  /** Time of the oldest message; later ones follow minutes apart. */
  startTime?: number;
  onProgress?: (messagesWritten: number, total: number) => void;
}

interface SeedResult {
  conversations: number;
  messages: number;
  longConversationId?: string;
  ms: number;
}

const EN_TOPICS = [
  "reasoning models",
  "DeepSeek-R1",
  "Qwen2.5",
  "GLM-4",
  "vector databases",
  "the attention mechanism",
  "fine-tuning",
  "quantization",
  "React server components",
  "TypeScript generics",
  "IndexedDB",
  "Kubernetes",
  "PostgreSQL indexes",
  "photosynthesis",
  "black holes",
  "the French Revolution",
  "climate change",
  "sourdough bread",
  "marathon training",
  "jazz harmony",
  "compound interest",
  "the Rust borrow checker",
];
const ZH_TOPICS = [
  "推理模型",
  "大语言模型",
  "向量数据库",
  "注意力机制",
  "模型微调",
  "量化",
  "前端开发",
  "数据库索引",
  "光合作用",
  "黑洞",
  "气候变化",
  "红烧肉的做法",
  "马拉松训练",
  "唐诗宋词",
  "人工智能",
  "深度求索",
  "智谱清言",
  "分布式系统",
];
const EN_QUESTIONS = [
  "Can you explain how {t} works?",
  "What is the difference between {t} and {u}?",
  "Give me three practical tips about {t}.",
  "Summarize the history of {t} in a few paragraphs.",
  "Why do people say {t} is hard to learn?",
  "Write a short example that uses {t}.",
];
const ZH_QUESTIONS = [
  "请解释一下{t}的原理。",
  "{t}和{u}有什么区别？",
  "给我三个关于{t}的实用建议。",
  "用几段话概括{t}的发展历史。",
  "为什么大家都说{t}很难学？",
  "写一个用到{t}的简短例子。",
];
const EN_SENTENCES = [
  "In short, {t} is best understood by looking at the problem it was designed to solve.",
  "A common misconception is that {t} replaces {u}; in practice they complement each other.",
  "The key idea behind {t} is to trade a little extra computation for much better results.",
  "If you are just getting started, focus on the fundamentals before tuning the details.",
  "Benchmarks suggest that the gains from {t} depend heavily on the workload.",
  "Here is a step-by-step way to think about it: define the goal, measure, then iterate.",
  "Many teams adopt {t} gradually, starting with a small, low-risk project.",
  "Remember that {u} has different trade-offs, especially around latency and cost.",
];
const ZH_SENTENCES = [
  "简单来说，理解{t}最好的方式是先看它要解决的问题。",
  "一个常见的误解是{t}可以取代{u}，实际上两者是互补的。",
  "{t}的核心思想是用少量额外计算换取更好的结果。",
  "如果你刚开始学习，建议先打好基础，再去调整细节。",
  "基准测试表明，{t}带来的提升在很大程度上取决于具体场景。",
  "可以按步骤来思考：先明确目标，再进行测量，然后不断迭代。",
  "很多团队会逐步引入{t}，先从一个风险较小的项目开始。",
  "要记住{u}有不同的权衡，尤其是在延迟和成本方面。",
];

function uuidFrom(rand: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Writes the history with bulkPut in batches; returns counts and the elapsed milliseconds. */
export async function seedLargeHistory(db: AppDB, options: SeedOptions = {}): Promise<SeedResult> {
  const {
    conversations: nConversations = 10_000,
    messagesPerConversation = 20,
    longConversation = 2_000,
    batchSize = 5_000,
    seed = 42,
    startTime = Date.UTC(2025, 0, 1),
    onProgress,
  } = options;
  const t0 = performance.now();
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const fill = (template: string, zh: boolean) => {
    const topics = zh ? ZH_TOPICS : EN_TOPICS;
    return template.replaceAll("{t}", pick(topics)).replaceAll("{u}", pick(topics));
  };
  // An answer is a few of the filled sentences joined by a space, "" or a blank line; its tokens are
  // tokenize(text) of the whole text (tests/unit/db-seed.test.ts checks it). Tokenizing each of the
  // ~3,000 distinct sentences once instead of every text made generating 200,000 messages ~8× faster.
  const tokens = memoTokenize();
  const answer = (zh: boolean): [string, string[]] => {
    const n = 4 + Math.floor(rand() * 8);
    const paragraphs: string[] = [];
    for (let i = 0; i < n; i++) paragraphs.push(fill(pick(zh ? ZH_SENTENCES : EN_SENTENCES), zh));
    return [paragraphs.join(i18nJoin(zh, rand)), tokensOfParts(paragraphs, tokens)];
  };

  const total = nConversations * messagesPerConversation + longConversation;
  let written = 0;
  let clock = startTime;
  let convBatch: Conversation[] = [];
  let msgBatch: Message[] = [];
  const flush = async () => {
    if (convBatch.length) await db.conversations.bulkPut(convBatch);
    if (msgBatch.length) await db.messages.bulkPut(msgBatch);
    written += msgBatch.length;
    convBatch = [];
    msgBatch = [];
    onProgress?.(written, total);
  };

  const makeConversation = async (count: number): Promise<string> => {
    const id = uuidFrom(rand);
    const zh = rand() < 0.5;
    const createdAt = clock;
    let parentId: string | null = null;
    let firstQuestion = "";
    let firstAnswer = "";
    for (let i = 0; i < count; i++) {
      clock += 1 + Math.floor(rand() * 90_000);
      const user = i % 2 === 0;
      const question = user ? fill(pick(zh ? ZH_QUESTIONS : EN_QUESTIONS), zh) : "";
      const [text, words] = user ? [question, [...tokens(question)]] : answer(zh);
      if (i === 0) firstQuestion = text;
      if (i === 1) firstAnswer = text;
      const parts: MessagePart[] = [{ type: "text", text }];
      if (!user && rand() < 0.3)
        parts.unshift({ type: "reasoning", text: fill(pick(zh ? ZH_SENTENCES : EN_SENTENCES), zh) });
      const m: Message = {
        id: messageIdAt(id, clock, 0, i.toString(36).padStart(4, "0")),
        conversationId: id,
        parentId,
        role: user ? "user" : "assistant",
        parts,
        text,
        status: "complete",
        createdAt: clock,
        updatedAt: clock,
        words,
      };
      if (!user) {
        m.model = zh
          ? { provider: "glm", id: "glm-4-flash" }
          : { provider: "siliconflow", id: "deepseek-ai/DeepSeek-V3" };
        m.usage = { input: 20 + i * 50, output: text.length, reasoning: parts.length > 1 ? 100 : 0 };
      }
      parentId = m.id;
      msgBatch.push(m);
      if (msgBatch.length >= batchSize) await flush();
    }
    const title = autoTitle(firstQuestion, firstAnswer);
    convBatch.push({
      id,
      title,
      titleSource: "auto",
      pinned: rand() < 0.01 ? 1 : 0,
      createdAt,
      updatedAt: clock,
      deletedAt: 0,
      usage: { input: count * 500, output: count * 300, reasoning: 0 },
      ...(parentId ? { activeLeafId: parentId } : {}),
      words: tokenize(title),
      // The stored shape since v3: the bench writes rows with raw IndexedDB, past Dexie's hook.
      folderId: "",
    });
    return id;
  };

  for (let c = 0; c < nConversations; c++) await makeConversation(messagesPerConversation);
  const longConversationId = longConversation > 0 ? await makeConversation(longConversation) : undefined;
  await flush();
  return {
    conversations: nConversations + (longConversationId ? 1 : 0),
    messages: total,
    ...(longConversationId ? { longConversationId } : {}),
    ms: Math.round(performance.now() - t0),
  };
}

/** tokenize() with a cache: the seeder's texts are made of a few thousand distinct sentences. */
function memoTokenize(): (text: string) => string[] {
  const cache = new Map<string, string[]>();
  return (text) => {
    let hit = cache.get(text);
    if (!hit) {
      hit = tokenize(text);
      cache.set(text, hit);
    }
    return hit;
  };
}

/**
 * The tokens of texts joined by whitespace or "" where each part ends in punctuation: no word and no
 * CJK run spans two parts, so the whole text's tokens are the parts' tokens in order, deduplicated.
 */
function tokensOfParts(parts: string[], tokens: (text: string) => string[]): string[] {
  const out = new Set<string>();
  for (const p of parts) for (const t of tokens(p)) out.add(t);
  return [...out];
}

function i18nJoin(zh: boolean, rand: () => number): string {
  if (zh) return rand() < 0.5 ? "" : "\n\n";
  return rand() < 0.5 ? " " : "\n\n";
}
