"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { usePathname } from "next/navigation";
import { useMemo, useRef } from "react";
import {
  type Conversation,
  getConversation,
  getConversationMessages,
  getDB,
  getThread,
  type Message,
  siblings,
} from "@/lib/db";

/** `/chat/<id>` → id; `/chat` → undefined. Read from the path so a new chat can take its id with replaceState. */
export function useConversationId(): string | undefined {
  const pathname = usePathname();
  const m = /^\/chat\/([^/?#]+)/.exec(pathname ?? "");
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

export interface ConversationData {
  /** undefined while loading, null when there is no such conversation. */
  conversation: Conversation | null | undefined;
  all: Message[] | undefined;
  thread: Message[];
  versions: { index: number; count: number }[];
}

/**
 * A conversation, all its messages (every branch) and the branch on screen, live from IndexedDB:
 * changes from this tab, the streaming saver and other tabs all arrive here (the saver's only
 * once `hold` ends).
 */
export function useConversation(id: string | undefined, hold = false): ConversationData {
  // Results carry their id: a live query keeps its last value while the next conversation loads.
  const conv = useLiveQuery(
    async () => ({ id, row: id ? ((await getConversation(getDB(), id)) ?? null) : null }),
    [id],
  );
  // `hold`: the caller shows the streaming reply from memory, so its saver's writes (every 500 ms,
  // each re-reading the whole thread) need not reach this query; reading nothing, the query watches
  // nothing until `hold` ends and it reads the rows afresh.
  const held = useRef<{ id: string | undefined; rows: Message[] } | undefined>(undefined);
  const msgs = useLiveQuery(
    async () =>
      hold && held.current?.id === id
        ? held.current
        : { id, rows: id ? await getConversationMessages(getDB(), id) : [] },
    [id, hold],
  );
  held.current = msgs;
  const conversation = conv && conv.id === id ? conv.row : undefined;
  const all = msgs && msgs.id === id ? msgs.rows : undefined;
  const leaf = conversation?.activeLeafId;
  const thread = useMemo(() => (all ? getThread(all, leaf) : []), [all, leaf]);
  const versions = useMemo(
    () =>
      thread.map((m) => {
        const s = siblings(all ?? [], m.id);
        return { index: s.index, count: s.count };
      }),
    [thread, all],
  );
  return { conversation, all, thread, versions };
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
