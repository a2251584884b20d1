// Identifiers and clocks shared by the db modules.

/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts, and a self-hosted playground is
 * often opened over plain http on a LAN address, so fall back to `getRandomValues` (allowed there).
 */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") {
    try {
      return c.randomUUID();
    } catch {
      // insecure context: fall through
    }
  }
  const b = new Uint8Array(16);
  if (typeof c?.getRandomValues === "function") c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Message ids are `<newest-first time key>~<conversationId>`.
 * - The key starts with (MAX − time) in base 36, so ids sort newest first. Inside one entry of the
 *   multiEntry `words` index, IndexedDB orders hits by primary key, so a plain forward
 *   getAllKeys(range, n) returns the n newest messages with a word: search can stop early.
 * - The conversation id lets search group hits by conversation from index keys alone, without
 *   reading message rows.
 */
const MESSAGE_ID_SEPARATOR = "~";

const MAX_TIME = 36 ** 9 - 1; // ms, year 5188
const MAX_SEQ = 36 ** 3 - 1;

/** A message id for a given creation time; `seq` orders ids made in the same millisecond. */
export function messageIdAt(conversationId: string, time: number, seq = 0, suffix = ""): string {
  const t = (MAX_TIME - Math.max(0, Math.min(MAX_TIME, Math.floor(time)))).toString(36).padStart(9, "0");
  const s = (MAX_SEQ - Math.min(MAX_SEQ, seq)).toString(36).padStart(3, "0");
  return `${t}${s}${suffix}${MESSAGE_ID_SEPARATOR}${conversationId}`;
}

let lastIdTime = 0;
let idCounter = 0;

export function newMessageId(conversationId: string): string {
  const t = Date.now();
  if (t === lastIdTime) idCounter++;
  else {
    lastIdTime = t;
    idCounter = 0;
  }
  return messageIdAt(conversationId, t, idCounter, uuid().replace(/-/g, "").slice(0, 6));
}

/** The conversation id encoded in a message id, or null for ids made elsewhere (v1 rows, imports). */
export function conversationIdOf(messageId: string): string | null {
  const i = messageId.indexOf(MESSAGE_ID_SEPARATOR);
  return i > 0 && i < messageId.length - 1 ? messageId.slice(i + 1) : null;
}

let lastNow = 0;

/**
 * Date.now() that never repeats or goes back inside this page, so a reply stored in the same
 * millisecond as its question still sorts after it in the [conversationId+createdAt] index.
 */
export function monotonicNow(): number {
  const t = Date.now();
  lastNow = t > lastNow ? t : lastNow + 1;
  return lastNow;
}

/** One id per page load; a streaming reply records it so other tabs can tell whose stream it is. */
export const TAB_ID: string = uuid();
