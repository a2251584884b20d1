import { getDB, markStreamingAsInterrupted, requestPersistence, runStartupTasks } from "@/lib/db";

let started = false;

/**
 * Once per page load, on every page that shows history (chat and compare; both are idempotent, so
 * it does not matter which page ran them first): replies left "streaming" by a closed or reloaded
 * page become interrupted (with Continue), long-deleted conversations are purged, and — on chat,
 * where the user came to keep history — persistent storage is requested.
 */
export function startHistoryTasks(page: "chat" | "compare"): void {
  if (started || typeof indexedDB === "undefined") return;
  started = true;
  void runStartupTasks()
    .catch((err: unknown) => console.error(`[${page}] startup tasks failed`, err))
    .finally(() => {
      if (page === "chat") void requestPersistence();
    });
  // A reload can start before the old page's tab lock is released, so its reply still looks owned
  // by a live tab; look again once that page is surely gone.
  setTimeout(() => void markStreamingAsInterrupted(getDB()).catch(() => {}), 3000);
}
