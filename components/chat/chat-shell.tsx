"use client";

import { type ReactNode, useEffect } from "react";
import { getDB, markStreamingAsInterrupted, requestPersistence, runStartupTasks } from "@/lib/db";
import { ConversationSidebar } from "./conversation-sidebar";

let started = false;

/**
 * Once per page load: replies left "streaming" by a closed or reloaded page become interrupted
 * (with Continue), long-deleted conversations are purged, and persistent storage is requested.
 */
function startup(): void {
  if (started) return;
  started = true;
  void runStartupTasks()
    .catch((err: unknown) => console.error("[chat] startup tasks failed", err))
    .finally(() => void requestPersistence());
  // A reload can start before the old page's tab lock is released, so its reply still looks owned
  // by a live tab; look again once that page is surely gone.
  setTimeout(() => void markStreamingAsInterrupted(getDB()).catch(() => {}), 3000);
}

/**
 * The chat area: the conversation sidebar beside the page (which stays mounted across conversations).
 * Its box is the viewport's remaining height, never its content's: the sidebar and the thread each
 * scroll inside it. Sized by its content, a long folder list stretched the page to thousands of
 * pixels, which left the newest message below the fold and made the thread's virtualizer render
 * every row of that height (75 instead of about 10 for a 2,000-message conversation).
 */
export function ChatShell({ children }: { children: ReactNode }) {
  useEffect(startup, []);
  return (
    <div className="relative min-h-0 flex-1">
      <div className="absolute inset-0 flex">
        <ConversationSidebar />
        {children}
      </div>
    </div>
  );
}
