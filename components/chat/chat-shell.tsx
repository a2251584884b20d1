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

/** The chat area: the conversation sidebar beside the page (which stays mounted across conversations). */
export function ChatShell({ children }: { children: ReactNode }) {
  useEffect(startup, []);
  return (
    <div className="relative flex min-h-0 flex-1">
      <ConversationSidebar />
      {children}
    </div>
  );
}
