import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type LaunchOptions, type Page } from "@playwright/test";
import type { AppDB, Message } from "../../../lib/db/schema";
import { type SeedOptions, seedLargeHistory } from "../../../lib/db/seed";

// A Chromium profile whose IndexedDB already holds the seeded history, kept on disk between runs.
// Writing 200,000 messages (≈11 million `words` index entries) costs Chromium's IndexedDB minutes
// of CPU, so a profile is seeded once, resumed where it stopped if a run runs out of time, and
// reused as long as the seeder, tokenizer, ids and schema are unchanged (their hash names the
// directory). A persistent profile also stores IndexedDB on disk like a user's browser does; the
// default Playwright context keeps it in memory.

const ROOT = process.env.SEARCH_BENCH_PROFILE_ROOT ?? "/tmp/siliconplay-bench";
// Anything that changes the stored rows or how they are indexed.
const SOURCES = ["seed.ts", "tokenize.ts", "ids.ts", "schema.ts", "conversations.ts"].map((f) =>
  path.join(__dirname, "../../../lib/db", f),
);

// Rows per readwrite transaction. Chromium keeps a transaction's undo log in memory up to 1 MB of
// changes; past that it writes the log to disk and deletes it after commit, and the millions of
// deleted entries this left behind cost every later first open of the database ~0.6–0.9 s
// (LevelDBScopes start-up walks over them). The app writes a message or two per transaction, so
// the seeded profile is written in transactions that small too.
const TX_ROWS = Number(process.env.SEED_TX_ROWS ?? 40);

export type SeedPlan = Required<Pick<SeedOptions, "conversations" | "messagesPerConversation" | "longConversation">> & {
  batchSize: number;
};

interface Progress {
  key: string;
  /** Seeder flushes (one transaction each) known to be committed. */
  flushes: number;
  messages: number;
  seedMs: number;
  complete: boolean;
  chromium: string;
  /** Filled once complete: what the open benchmark needs. */
  longConversationId?: string;
  longLastMessageId?: string;
}

export interface SeededProfile {
  context: BrowserContext;
  page: Page;
  dir: string;
  progress: Progress;
  /** True when this run wrote nothing (the profile was already complete). */
  reused: boolean;
}

export function profileDir(plan: SeedPlan, origin: string): { dir: string; key: string } {
  const hash = createHash("sha256");
  for (const f of SOURCES) hash.update(readFileSync(f));
  // IndexedDB is per origin, so the app's port is part of the key.
  hash.update(JSON.stringify({ plan, origin, txRows: TX_ROWS }));
  const key = hash.digest("hex").slice(0, 16);
  const size = `${plan.conversations}x${plan.messagesPerConversation}+${plan.longConversation}`;
  return { dir: path.join(ROOT, `search-${size}-${key}`), key };
}

export async function launchProfile(dir: string, options: LaunchOptions & { locale?: string; baseURL?: string }) {
  mkdirSync(dir, { recursive: true });
  const context = await chromium.launchPersistentContext(dir, options);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

function readProgress(file: string, key: string): Progress | null {
  if (!existsSync(file)) return null;
  const p = JSON.parse(readFileSync(file, "utf8")) as Progress;
  return p.key === key ? p : null;
}

/** One seeder flush in readwrite transactions of TX_ROWS rows; relaxed durability: no fsync per batch. */
async function writeFlush(page: Page, conversations: unknown[], messages: unknown[]) {
  await page.evaluate(
    async ({ conversations, messages, txRows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("siliconplay");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = [
        ...conversations.map((row) => ["conversations", row] as const),
        ...messages.map((row) => ["messages", row] as const),
      ];
      const step = txRows > 0 ? txRows : rows.length;
      const pending: Promise<void>[] = [];
      for (let i = 0; i < rows.length; i += step) {
        pending.push(
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction(["conversations", "messages"], "readwrite", { durability: "relaxed" });
            for (const [store, row] of rows.slice(i, i + step)) tx.objectStore(store).put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
          }),
        );
      }
      await Promise.all(pending);
      db.close();
    },
    { conversations, messages, txRows: TX_ROWS },
  );
}

export async function countRows(page: Page): Promise<{ conversations: number; messages: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("siliconplay");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const result = { conversations: await count("conversations"), messages: await count("messages") };
    db.close();
    return result;
  });
}

class OutOfTime extends Error {}

/**
 * Seeds `page`'s origin (the app must have created its database) with the deterministic history,
 * skipping the flushes an earlier run committed, until done or `budgetMs` is spent. The rows are
 * the seeder's own (same ids, words and batches); only the writes go through raw IndexedDB.
 */
export async function seedProfile(
  page: Page,
  dir: string,
  key: string,
  plan: SeedPlan,
  budgetMs: number,
  log: (line: string) => void,
): Promise<Progress> {
  const file = path.join(dir, "bench-seed.json");
  const chromiumVersion = await page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? "?");
  const progress: Progress = readProgress(file, key) ?? {
    key,
    flushes: 0,
    messages: 0,
    seedMs: 0,
    complete: false,
    chromium: chromiumVersion,
  };
  if (progress.complete) return progress;
  const save = () => writeFileSync(file, JSON.stringify(progress, null, 2));
  const total = plan.conversations * plan.messagesPerConversation + plan.longConversation;
  const started = Date.now();
  const runStart = progress.seedMs;
  let flush = 0;
  let pendingConversations: unknown[] = [];
  let longLast: Message | undefined;
  let last = Date.now();

  // One flush is written while the seeder makes the next one (Node and Chromium work side by side);
  // flushes still commit in order, so the progress file stays a count of committed flushes.
  let inFlight: Promise<void> = Promise.resolve();
  const commit = async (messages: Message[]) => {
    const index = flush++;
    const conversations = pendingConversations;
    pendingConversations = [];
    if (index < progress.flushes) return; // committed by an earlier run
    await inFlight;
    if (Date.now() - started > budgetMs) throw new OutOfTime();
    inFlight = writeFlush(page, conversations, messages).then(() => {
      progress.flushes = index + 1;
      progress.messages += messages.length;
      progress.seedMs = runStart + (Date.now() - started);
      save();
      const now = Date.now();
      log(`seed: ${progress.messages}/${total} messages, batch ${now - last} ms, load ${loadavg()[0]?.toFixed(1)}`);
      last = now;
    });
  };
  const shim = {
    conversations: {
      bulkPut: async (rows: unknown[]) => {
        pendingConversations = rows;
      },
    },
    messages: {
      bulkPut: async (rows: Message[]) => {
        longLast = rows.at(-1);
        await commit(rows);
      },
    },
  } as unknown as AppDB;

  try {
    const result = await seedLargeHistory(shim, { ...plan });
    // The seeder's last flush may hold conversations only.
    if (pendingConversations.length) await commit([]);
    await inFlight;
    progress.complete = true;
    progress.longConversationId = result.longConversationId;
    // The long conversation is written last, so the last message row is its newest.
    progress.longLastMessageId = longLast?.id;
    save();
  } catch (err) {
    if (!(err instanceof OutOfTime)) throw err;
    log(`seed: out of this run's budget at ${progress.messages}/${total} messages`);
  }
  return progress;
}
