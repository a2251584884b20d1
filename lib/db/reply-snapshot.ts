// The last state of a streaming reply, kept synchronously in localStorage when its page goes away.
// IndexedDB writes are asynchronous: on a busy page they can wait behind other transactions for
// seconds, and a reload or a closed tab aborts whatever has not committed — up to the whole reply.
// localStorage is written before the page is gone; the next start moves the snapshot into IndexedDB
// (markStreamingAsInterrupted), so what was on screen when the page went away is what comes back.

import type { Message } from "./schema";

const PREFIX = "siliconplay.reply-snapshot:";

function storage(store?: Storage): Storage | undefined {
  if (store) return store;
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled
  }
}

/** Keeps the reply's row as it stands (final if its stream has ended, else still streaming). */
export function keepReplySnapshot(row: Message, store?: Storage): void {
  try {
    storage(store)?.setItem(PREFIX + row.id, JSON.stringify(row));
  } catch {
    // Full or disabled: the throttled writes already stored most of the reply.
  }
}

/** The reply reached IndexedDB by the normal path: its snapshot is not needed any more. */
export function dropReplySnapshot(id: string, store?: Storage): void {
  try {
    storage(store)?.removeItem(PREFIX + id);
  } catch {
    // nothing to do
  }
}

/** Every kept snapshot (unreadable entries are dropped). */
export function replySnapshots(store?: Storage): Message[] {
  const s = storage(store);
  if (!s) return [];
  const out: Message[] = [];
  for (let i = s.length - 1; i >= 0; i--) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const row = JSON.parse(s.getItem(key) ?? "") as Message;
      if (row && typeof row.id === "string" && row.id === key.slice(PREFIX.length) && Array.isArray(row.parts)) {
        out.push(row);
        continue;
      }
    } catch {
      // fall through: drop it
    }
    s.removeItem(key);
  }
  return out;
}
