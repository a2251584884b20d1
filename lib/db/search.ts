// Search over conversation titles and message text through the multiEntry `words` indexes.
//
// Messages (up to hundreds of thousands): a word like "模型" can be in half of them, so reading
// every hit is what makes naive index search slow. Message ids sort newest first and carry their
// conversation id (ids.ts), so each term's index range yields its newest hits, already grouped by
// conversation, from keys alone. Search walks the rarest term's hits newest first, checks the
// other terms against their own newest hits (reading a message row only when a term is too
// common to hold in memory), and stops once it has enough conversations. Result: the
// conversations with the most recent matching messages, shown by last activity.
// Titles (one row per conversation) are matched exactly from their smaller index.

import type { Collection, Table } from "dexie";
import { conversationIdOf } from "./ids";
import { type QueryTerm, queryTerms, tokensMatch } from "./query";
import type { AppDB, Conversation, Message } from "./schema";
import { makeSnippet, type SearchSnippet } from "./snippet";

export { type QueryTerm, queryTerms } from "./query";
export { makeSnippet, markdownToPlain, type SearchSnippet } from "./snippet";
export { normalizeForSearch, tokenize } from "./tokenize";

export interface SearchHit {
  conversation: Conversation;
  matchedTitle: boolean;
  /** The newest matching message, when the match is in the messages. */
  snippet?: SearchSnippet;
}

// biome-ignore lint/suspicious/noExplicitAny: rows of either table
type WordsTable = Table<any, string>;

function range(table: WordsTable, t: QueryTerm): Collection<unknown, string> {
  const where = table.where("words");
  return t.prefix ? where.startsWith(t.term) : where.equals(t.term);
}

/** Keys read per term at first: a term with fewer hits is known completely. */
const DEFAULT_PAGE = 1_000;
/** Message rows read per batch when a term is too common to check from keys. */
const VERIFY_BATCH = 100;

interface TermHits {
  term: QueryTerm;
  keys: string[];
  set: Set<string>;
  complete: boolean;
  /** The keys come in primary-key order (newest first): an exact word, or a prefix no longer word has. */
  ordered: boolean;
}

/** Whether some stored word is longer than `term` and starts with it (one key read at most). */
async function hasLongerWord(db: AppDB, term: string): Promise<boolean> {
  const longer = await db.messages.where("words").between(term, `${term}\uffff`, false, true).limit(1).primaryKeys();
  return longer.length > 0;
}

async function termHits(db: AppDB, term: QueryTerm, n: number, ordered?: boolean): Promise<TermHits> {
  // A prefix range can list a message once per matching word: keep the first (newest-first order).
  const [found, isOrdered] = await Promise.all([
    range(db.messages, term).limit(n).primaryKeys(),
    ordered ?? (!term.prefix || hasLongerWord(db, term.term).then((longer) => !longer)),
  ]);
  const keys = [...new Set(found)];
  return { term, keys, set: new Set(keys), complete: keys.length < n, ordered: isOrdered };
}

/**
 * Whether the term's known keys settle `key` either way. An exact term's keys come in primary-key
 * order (newest first), so a key at or before its last known one is a hit only if it is in the set;
 * a prefix range of several words is ordered by word first, so only a complete one settles anything.
 * (The last word typed is a prefix; most often no longer word starts with it, and it is ordered.)
 */
function settles(h: TermHits, key: string): boolean {
  return h.complete || (h.ordered && key <= (h.keys.at(-1) ?? ""));
}

/**
 * The term to walk: the complete one with the fewest hits, else the exact term whose newest page
 * reaches furthest back in time (ids sort newest first, so its last key is the largest).
 */
function pickDriver(hits: TermHits[]): TermHits {
  const complete = hits.filter((h) => h.complete).sort((a, b) => a.keys.length - b.keys.length);
  if (complete[0]) return complete[0];
  const exact = hits.filter((h) => h.ordered);
  const pool = exact.length ? exact : hits;
  return pool.reduce((a, b) => ((b.keys.at(-1) ?? "") > (a.keys.at(-1) ?? "") ? b : a));
}

/** conversation id → newest message matching every term, for up to `want` conversations. */
async function messageHits(
  db: AppDB,
  terms: QueryTerm[],
  want: number,
  skip: Set<string>,
  rows: Map<string, Message>,
  page: number,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const hits = await Promise.all(terms.map((t) => termHits(db, t, page)));
  if (hits.some((h) => h.complete && h.keys.length === 0)) return found;
  let driver = pickDriver(hits);
  const others = hits.filter((h) => h !== driver);
  let pending: string[] = [];

  const verify = async () => {
    const batch = pending;
    pending = [];
    for (const m of await db.messages.bulkGet(batch)) {
      if (!m || found.has(m.conversationId) || skip.has(m.conversationId)) continue;
      if (others.every((o) => o.set.has(m.id) || (!o.complete && tokensMatch(m.words, o.term)))) {
        found.set(m.conversationId, m.id);
        rows.set(m.id, m);
      }
    }
  };

  let done = 0;
  let n = page;
  for (;;) {
    for (let i = done; i < driver.keys.length && found.size < want; i++) {
      const key = driver.keys[i]!;
      const cid = conversationIdOf(key);
      if (cid && (found.has(cid) || skip.has(cid))) continue;
      let known = cid !== null;
      let excluded = false;
      for (const o of others) {
        if (o.set.has(key)) continue;
        // Within what is known of the other term and not in it: no row needs reading to say so.
        if (settles(o, key)) {
          excluded = true;
          break;
        }
        known = false;
      }
      if (excluded) continue;
      if (known && cid) found.set(cid, key);
      else if (pending.push(key) >= VERIFY_BATCH) await verify();
    }
    done = driver.keys.length;
    if (pending.length) await verify();
    if (found.size >= want || driver.complete) return found;
    // Read on as far as the rate of matches so far says `want` needs (with a margin), rather than
    // four times as far: the read starts again from the newest key, and a common word's keys cost
    // ~20 µs each in Chromium. At least a quarter more, at most four times.
    const needed = found.size ? Math.ceil((driver.keys.length * want * 1.25) / found.size) : 4 * n;
    n = Math.min(4 * n, Math.max(Math.ceil(1.25 * n), needed));
    driver = await termHits(db, driver.term, n, driver.ordered);
  }
}

/** Primary keys of conversations whose title has every term (small table: read all hits). */
async function titleHits(db: AppDB, terms: QueryTerm[]): Promise<string[]> {
  let ids: Set<string> | null = null;
  for (const t of terms) {
    const keys: string[] = await range(db.conversations, t).primaryKeys();
    ids = ids ? new Set(keys.filter((k) => ids!.has(k))) : new Set(keys);
    if (ids.size === 0) break;
  }
  return [...(ids ?? [])];
}

/** Recency index keys read per step of the walk that orders many hits. */
const WALK_PAGE = 1_000;

/** Live conversations among `ids`, most recent activity first, at most `limit`. */
async function newestLive(db: AppDB, ids: Set<string>, limit: number): Promise<Conversation[]> {
  const live = (list: (Conversation | undefined)[]) => list.filter((c): c is Conversation => !!c && !c.deletedAt);
  // Chromium: a row read costs ~0.2 ms, a page of 1,000 recency keys ~11 ms. A few hits are read
  // and sorted; more are found by walking the recency index a page at a time until enough are
  // live. (Walking all 10,000 keys at once made a common title word like "向量" cost ~110 ms.)
  if (ids.size <= limit * 4) {
    const list = live(await db.conversations.bulkGet([...ids]));
    return list.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
  }
  const out: Conversation[] = [];
  for (let offset = 0; out.length < limit; offset += WALK_PAGE) {
    const page = await db.conversations.orderBy("updatedAt").reverse().offset(offset).limit(WALK_PAGE).primaryKeys();
    const wanted = page.filter((id) => ids.has(id));
    if (wanted.length) out.push(...live(await db.conversations.bulkGet(wanted)));
    if (page.length < WALK_PAGE) break;
  }
  return out.slice(0, limit);
}

export interface SearchOptions {
  limit?: number;
  /** Index keys read per term and step (tests and tuning). */
  pageSize?: number;
}

/**
 * Conversations whose title, or one of whose messages, contains every word of the query (the last
 * word as a prefix), most recent activity first, soft-deleted ones left out.
 */
export async function searchConversations(
  db: AppDB,
  query: string,
  { limit = 50, pageSize = DEFAULT_PAGE }: SearchOptions = {},
): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (!terms.length || limit <= 0) return [];
  const rows = new Map<string, Message>();
  const { titles, messages } = await db.transaction("r", [db.conversations, db.messages], async () => {
    // Soft-deleted conversations are few (purged after a day): skip their hits while walking.
    const deleted = new Set(await db.conversations.where("deletedAt").above(0).primaryKeys());
    const [titles, messages] = await Promise.all([
      titleHits(db, terms),
      messageHits(db, terms, limit, deleted, rows, Math.max(1, pageSize)),
    ]);
    return { titles, messages };
  });
  const titleSet = new Set(titles);
  const all = new Set([...titleSet, ...messages.keys()]);
  if (!all.size) return [];
  const conversations = await newestLive(db, all, limit);

  const missing = conversations.flatMap((c) => {
    const id = messages.get(c.id);
    return id && !rows.has(id) ? [id] : [];
  });
  for (const m of await db.messages.bulkGet(missing)) if (m) rows.set(m.id, m);

  return conversations.map((conversation) => {
    const hit: SearchHit = { conversation, matchedTitle: titleSet.has(conversation.id) };
    const id = messages.get(conversation.id);
    const m = id ? rows.get(id) : undefined;
    if (m) hit.snippet = makeSnippet(m.id, m.text, terms);
    return hit;
  });
}
