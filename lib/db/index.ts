// The browser database: IndexedDB through Dexie. Every function takes the database as its first
// argument (tests and benchmarks pass `new AppDB(name)`; the app passes `getDB()`), and writes with
// ordinary Dexie calls, so `useLiveQuery` sees changes in this tab and in other open tabs.
// Backup (export/import, with its zod checks) is imported from "./backup" by the pages that use it.

import { purgeDeleted } from "./conversations";
import { AppDB, DB_NAME } from "./schema";
import { markStreamingAsInterrupted } from "./stream";

export * from "./conversations";
export { conversationIdOf, monotonicNow, newMessageId, TAB_ID, uuid } from "./ids";
export * from "./markdown";
export * from "./media";
export * from "./messages";
export * from "./reply-snapshot";
export * from "./schema";
export * from "./search";
export * from "./storage";
export * from "./stream";
export * from "./tree";

let instance: AppDB | undefined;

/** The app's database, created on first use (never during server rendering). */
export function getDB(): AppDB {
  if (!instance) {
    if (typeof indexedDB === "undefined") throw new Error("getDB() needs IndexedDB: call it in the browser only");
    instance = new AppDB(DB_NAME);
  }
  return instance;
}

/** How long a soft-deleted conversation stays restorable when no undo happened (tab closed). */
const PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Run once per page load: opens (and if needed upgrades) the database, marks replies left
 * streaming by closed pages as interrupted, and purges conversations deleted long ago.
 */
export async function runStartupTasks(
  db: AppDB = getDB(),
  { purgeAfterMs = PURGE_AFTER_MS }: { purgeAfterMs?: number } = {},
): Promise<{ interrupted: number; purged: number }> {
  await db.open();
  const interrupted = await markStreamingAsInterrupted(db);
  const purged = await purgeDeleted(db, purgeAfterMs);
  return { interrupted, purged };
}
