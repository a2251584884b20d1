"use client";

import { type ReactNode, useEffect } from "react";
import { startHistoryTasks } from "@/lib/chat/client/startup";
import { ConversationSidebar } from "./conversation-sidebar";

/**
 * The chat area: the conversation sidebar beside the page (which stays mounted across conversations).
 * Its box is the viewport's remaining height, never its content's: the sidebar and the thread each
 * scroll inside it. Sized by its content, a long folder list stretched the page to thousands of
 * pixels, which left the newest message below the fold and made the thread's virtualizer render
 * every row of that height (75 instead of about 10 for a 2,000-message conversation).
 */
export function ChatShell({ children }: { children: ReactNode }) {
  useEffect(() => startHistoryTasks("chat"), []);
  return (
    <div className="relative min-h-0 flex-1">
      <div className="absolute inset-0 flex">
        <ConversationSidebar />
        {children}
      </div>
    </div>
  );
}
