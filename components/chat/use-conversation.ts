"use client";

import { usePathname } from "next/navigation";

/** `/chat/<id>` → id; `/chat` → undefined. Read from the path so a new chat can take its id with replaceState. */
export function useConversationId(): string | undefined {
  const pathname = usePathname();
  const m = /^\/chat\/([^/?#]+)/.exec(pathname ?? "");
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

/**
 * Opens a chat URL in place. Every conversation is the same page reading IndexedDB, so a history
 * entry (which Next.js folds into its router) switches instantly, with no server round trip.
 * Modified clicks (new tab, new window) keep the link's normal behaviour.
 */
export function openChat(
  event: {
    preventDefault(): void;
    metaKey: boolean;
    ctrlKey: boolean;
    shiftKey: boolean;
    altKey: boolean;
    button: number;
  },
  href: string,
): boolean {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return false;
  event.preventDefault();
  if (window.location.pathname !== href) window.history.pushState(null, "", href);
  return true;
}
