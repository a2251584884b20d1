"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Conversation } from "@/lib/chat/client/db";
import { selectStreamingIds, useChatSessions } from "@/lib/chat/client/sessions";
import type { MessageKey } from "@/lib/i18n";
import { useT } from "@/lib/i18n/client";
import { type DateBucket, dateBucket } from "@/lib/organize/dates";
import { ConversationRow, type RowActions } from "./conversation-row";

type Item = { kind: "header"; label: string } | { kind: "row"; conversation: Conversation };

const BUCKET_LABEL: Record<DateBucket, MessageKey> = {
  today: "organize.date.today",
  yesterday: "organize.date.yesterday",
  week: "organize.date.week",
  older: "organize.date.older",
};

const ROW_PX = 38;
const HEADER_PX = 30;

/**
 * The sidebar list, virtualized with fixed row heights: 10,000 conversations cost what the visible
 * 20 do. Rows are read a page at a time; nearing the end asks for the next page (`onNeedMore`).
 */
export function ConversationList({
  conversations,
  activeId,
  actions,
  onNeedMore,
}: {
  conversations: Conversation[];
  activeId: string | undefined;
  actions: RowActions;
  onNeedMore: () => void;
}) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const streaming = useChatSessions(useShallow(selectStreamingIds));

  const items = useMemo<Item[]>(() => {
    const pinned = conversations.filter((c) => c.pinned === 1);
    const out: Item[] = [];
    if (pinned.length > 0) {
      out.push({ kind: "header", label: t("chat.list.pinned") });
      for (const c of pinned) out.push({ kind: "row", conversation: c });
    }
    // The rest by last activity, under Today / Yesterday / Previous 7 days / Older.
    const now = Date.now();
    let bucket: DateBucket | null = null;
    for (const c of conversations) {
      if (c.pinned === 1) continue;
      const b = dateBucket(c.updatedAt, now);
      if (b !== bucket) out.push({ kind: "header", label: t(BUCKET_LABEL[b]) });
      bucket = b;
      out.push({ kind: "row", conversation: c });
    }
    return out;
  }, [conversations, t]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === "header" ? HEADER_PX : ROW_PX),
    getItemKey: (i) => {
      const item = items[i];
      return item?.kind === "row" ? item.conversation.id : `h${i}`;
    },
    overscan: 10,
    paddingStart: 4,
    paddingEnd: 8,
    useFlushSync: false,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (lastIndex >= items.length - 15) onNeedMore();
  }, [lastIndex, items.length, onNeedMore]);

  return (
    <div ref={scrollRef} className="absolute inset-0 overflow-y-auto px-2">
      <ul className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const item = items[v.index]!;
          // `top`, not a transform: a transformed ancestor would trap the rows' fixed-position menus.
          const style = { top: v.start, height: v.size };
          return item.kind === "header" ? (
            <li
              key={v.key}
              style={style}
              className="absolute left-0 w-full px-3 pt-2.5 text-xs font-medium text-zinc-500 dark:text-zinc-400"
            >
              {item.label}
            </li>
          ) : (
            <li key={v.key} style={style} className="absolute left-0 w-full py-px">
              <ConversationRow
                conversation={item.conversation}
                active={item.conversation.id === activeId}
                streaming={streaming.includes(item.conversation.id)}
                actions={actions}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
