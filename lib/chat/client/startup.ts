import { getDB, markStreamingAsInterrupted, requestPersistence, runStartupTasks } from "@/lib/db";

let started = false;

/**
 * Once per page load: replies left "streaming" by a closed or reloaded page become interrupted
 * (with Continue), long-deleted conversations are purged, and persistent storage is requested.
 */
export function startChatTasks(): void {
  if (started) return;
  started = true;
  void runStartupTasks()
    .catch((err: unknown) => console.error("[chat] startup tasks failed", err))
    .finally(() => void requestPersistence());
  // A reload can start before the old page's tab lock is released, so its reply still looks owned
  // by a live tab; look again once that page is surely gone.
  setTimeout(() => void markStreamingAsInterrupted(getDB()).catch(() => {}), 3000);
}
