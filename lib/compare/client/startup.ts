import { getDB, markStreamingAsInterrupted, runStartupTasks } from "@/lib/db";

// A comparison opened straight after a reload must find the columns the old page was streaming
// marked interrupted (with Continue), as the chat page does on its start (lib/chat/client/startup.ts).
// Both are idempotent, so it does not matter which page ran them first.
let started = false;

export function startCompareTasks(): void {
  if (started || typeof indexedDB === "undefined") return;
  started = true;
  void runStartupTasks().catch((err: unknown) => console.error("[compare] startup tasks failed", err));
  // The old page's tab lock may outlive the reload by a moment: look again once it is surely gone.
  setTimeout(() => void markStreamingAsInterrupted(getDB()).catch(() => {}), 3000);
}
