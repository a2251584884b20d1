// Replies while they stream: throttled saving, flushing when the page hides, and recovering replies
// left "streaming" by a page that is gone.

import { TAB_ID } from "./ids";
import { type FinalStatus, type FinishExtra, finishAssistantMessage, type StreamSnapshot } from "./messages";
import { dropReplySnapshot, replySnapshots } from "./reply-snapshot";
import type { AppDB, Message } from "./schema";
import { withQuotaGuard } from "./storage";
import { claimTabLock, liveTabs } from "./tabs";
import { tokenize } from "./tokenize";

export interface ThrottledSaver {
  /** Records the reply so far; writes at most once per interval (leading and trailing edge). */
  save(snapshot: StreamSnapshot): void;
  /** Writes the final state (pending text included) with the given status. Later saves are ignored. */
  finish(status: FinalStatus, extra?: FinishExtra): Promise<void>;
  /** Writes what is pending now (page hidden, tab closing). */
  flush(): Promise<void>;
  /** Number of completed writes, for tests and diagnostics. */
  readonly writes: number;
}

export interface SaverOptions {
  intervalMs?: number;
  /** A save that failed (e.g. disk full); its content is kept and retried on the next write. */
  onError?: (err: unknown) => void;
}

/**
 * Coalesces per-token updates (≈ 2 ms each in Chromium) into one write per interval, so a reply
 * is on disk within `intervalMs` of arriving without costing the stream its frame rate.
 */
export function createThrottledSaver(db: AppDB, messageId: string, options: SaverOptions = {}): ThrottledSaver {
  const intervalMs = options.intervalMs ?? 500;
  let latest: StreamSnapshot | null = null;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let chain: Promise<void> = Promise.resolve();
  let finished = false;
  let writes = 0;

  const run = (op: () => Promise<unknown>, snapshot: StreamSnapshot | null, rethrow = false): Promise<void> => {
    const p = chain.then(async () => {
      try {
        await op();
        writes++;
      } catch (err) {
        if (snapshot && latest === snapshot) dirty = true;
        if (rethrow) throw err;
        options.onError?.(err);
      }
    });
    chain = p.catch(() => {});
    return p;
  };

  const flush = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!dirty || !latest || finished) return chain;
    const snap = latest;
    dirty = false;
    lastWrite = Date.now();
    // Usage is not written here: finish() adds the request's usage once, to the message and the conversation.
    const changes: Partial<Message> = { parts: snap.parts, text: snap.text, updatedAt: Date.now() };
    return run(() => withQuotaGuard(() => db.messages.update(messageId, changes)), snap);
  };

  return {
    save(snapshot) {
      if (finished) return;
      latest = snapshot;
      dirty = true;
      if (timer) return;
      const wait = lastWrite + intervalMs - Date.now();
      if (wait <= 0) void flush();
      else timer = setTimeout(() => void flush(), wait);
    },
    finish(status, extra = {}) {
      if (timer) clearTimeout(timer);
      timer = null;
      finished = true;
      const final: FinishExtra = { ...extra };
      if (latest) {
        final.parts ??= latest.parts;
        final.text ??= latest.text;
        if (latest.usage) final.usage ??= latest.usage;
      }
      dirty = false;
      return run(() => finishAssistantMessage(db, messageId, status, final), null, true).catch((err) => {
        // Still unsaved: let the caller show the error and call finish() again.
        finished = false;
        dirty = latest !== null;
        throw err;
      });
    },
    flush,
    get writes() {
      return writes;
    },
  };
}

/** Flushes a saver when the page is hidden or unloaded; returns the unregister function. No-op outside a browser. */
export function flushOnPageHide(saver: Pick<ThrottledSaver, "flush">): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  const onHide = () => void saver.flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") void saver.flush();
  };
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    window.removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}

// ---- replies left streaming by a page that is gone ----

/**
 * Call at startup: replies still "streaming" whose tab is gone become "interrupted" (with their
 * text indexed) so the UI offers Continue. A reply streamed right now by another open tab is left
 * alone (Web Locks tell which tabs live; without them every foreign stream counts as gone). What a
 * page that went away kept of its reply (lib/db/reply-snapshot.ts) is stored first: a reply whose
 * stream had ended comes back final, one still arriving with everything that had arrived.
 */
export async function markStreamingAsInterrupted(
  db: AppDB,
  options: { isAlive?: (tabId: string) => boolean; snapshots?: Storage } = {},
): Promise<number> {
  claimTabLock();
  const tabs = options.isAlive ? null : await liveTabs();
  const alive = options.isAlive ?? ((tab: string) => tabs?.has(tab) ?? false);
  await applyReplySnapshots(db, alive, options.snapshots);
  const stale = (await db.messages.where("status").equals("streaming").toArray()).filter(
    (m) => m.streamOwner !== TAB_ID && !(m.streamOwner && alive(m.streamOwner)),
  );
  if (stale.length === 0) return 0;
  await withQuotaGuard(() =>
    db.transaction("rw", db.messages, async () => {
      for (const { id } of stale) {
        const row = await db.messages.get(id);
        if (row?.status !== "streaming") continue;
        const next: Message = { ...row, status: "interrupted", words: tokenize(row.text) };
        delete next.streamOwner;
        await db.messages.put(next);
      }
    }),
  );
  return stale.length;
}

async function applyReplySnapshots(db: AppDB, alive: (tab: string) => boolean, store?: Storage): Promise<void> {
  for (const snapshot of replySnapshots(store)) {
    let done = true;
    await withQuotaGuard(() =>
      db.transaction("rw", db.messages, async () => {
        const row = await db.messages.get(snapshot.id);
        // Already final (the page's own last write made it), or gone: nothing to restore.
        if (row?.status !== "streaming") return;
        // Another open tab streams it now (a Continue since): its own writes win; keep the snapshot.
        if (row.streamOwner && row.streamOwner !== TAB_ID && alive(row.streamOwner)) {
          done = false;
          return;
        }
        if (snapshot.status === "streaming") {
          // Only when newer than what the throttled writes stored.
          if (snapshot.updatedAt >= row.updatedAt) {
            await db.messages.put({
              ...row,
              parts: snapshot.parts,
              text: snapshot.text,
              updatedAt: snapshot.updatedAt,
            });
          }
        } else {
          await db.messages.put({ ...snapshot, words: snapshot.words ?? tokenize(snapshot.text) });
        }
      }),
    );
    if (done) dropReplySnapshot(snapshot.id, store);
  }
}
