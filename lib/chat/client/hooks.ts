"use client";

// Live reads of the chat slice for components (which never import lib/db). Reads are useLiveQuery,
// so a write from this tab, the streaming saver or another tab shows at once.

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import { getConversation, getConversationMessages, getDB, getThread, searchConversations, siblings } from "@/lib/db";
import type { Conversation, Message, SearchHit } from "./db";
import { loadAttachmentBlob } from "./db";

interface ConversationData {
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

/** The sidebar's search: null for an empty query, undefined while the first answer loads. */
export function useConversationSearch(query: string): SearchHit[] | null | undefined {
  return useLiveQuery(async () => (query ? searchConversations(getDB(), query) : null), [query]);
}

/**
 * An object URL for a stored attachment (null until read, or if it is gone), revoked when the id
 * changes or the component unmounts.
 */
export function useAttachmentUrl(id: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let objectUrl: string | null = null;
    let live = true;
    void loadAttachmentBlob(id).then((blob) => {
      if (!live || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setSrc(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setSrc(null);
    };
  }, [id]);
  return src;
}
