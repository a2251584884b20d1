"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { SelectCheckbox } from "@/components/share/message-selection";
import { ArrowDownIcon } from "@/components/ui/icons";
import type { Message } from "@/lib/chat/client/db";
import { selectFocusedMessage, useChatUI } from "@/lib/chat/client/ui";
import { useT } from "@/lib/i18n/client";
import { selectIsSelecting, selectSelected, useExport } from "@/lib/share/client/export-store";
import { MessageRow } from "./message-row";

interface Versions {
  index: number;
  count: number;
}

const BOTTOM_SLACK_PX = 48;
/** How long a message reached from search keeps its colour. */
const MARK_MS = 4000;

/**
 * The thread on screen, virtualized: only the rows near the viewport exist in the DOM, each
 * measured as it renders, so a 2,000-message chat opens as fast as a short one. It keeps to the
 * bottom while the reader is there and stays put once they scroll up.
 */
export function MessageList({
  conversationId,
  thread,
  versions,
  busy,
  replyId,
  onStep,
  empty,
}: {
  conversationId: string;
  thread: Message[];
  versions: Versions[];
  busy: boolean;
  replyId: string | null;
  onStep: (messageId: string, delta: number) => void;
  empty?: ReactNode;
}) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const threadRef = useRef(thread);
  threadRef.current = thread;

  const virtualizer = useVirtualizer({
    count: thread.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (threadRef.current[i]?.role === "user" ? 96 : 260),
    getItemKey: (i) => threadRef.current[i]?.id ?? i,
    overscan: 4,
    paddingStart: 16,
    paddingEnd: 32,
    // A conversation opens at its end: render the last rows first, not the first ones.
    initialOffset: () => Number.MAX_SAFE_INTEGER,
    // React 19 warns about flushSync inside lifecycles; measuring on the next frame is fine here.
    useFlushSync: false,
  });
  // Keep the view still when a row wholly above it is measured; a row in view (the streaming reply)
  // grows downwards and must not drag the reader along.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) =>
    item.end <= (instance.scrollOffset ?? 0);
  const total = virtualizer.getTotalSize();

  // A new conversation or a new message brings the reader to the end.
  const lastId = thread.at(-1)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-stick only when the conversation or its newest message changes
  useLayoutEffect(() => {
    stick.current = true;
    setAtBottom(true);
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conversationId, lastId]);

  // While a reply grows, stay at the end. A ResizeObserver runs after the browser's own layout, so
  // this costs no extra (forced) layout per streamed update; the bottom anchor below does the same
  // natively where CSS scroll anchoring exists.
  const hasRows = thread.length > 0;
  const follow = useRef<ResizeObserver | null>(null);
  const liveRow = useRef<HTMLElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list element exists only while there are rows
  useEffect(() => {
    const el = scrollRef.current;
    const list = listRef.current;
    if (!el || !list) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(list);
    observer.observe(el);
    if (liveRow.current) observer.observe(liveRow.current);
    follow.current = observer;
    return () => {
      observer.disconnect();
      follow.current = null;
    };
  }, [hasRows]);

  // The reply streaming in this tab grows on every update. Measured by the virtualizer, each growth
  // would re-render the list and force a synchronous layout of the whole thread (its scroll-range
  // check); so it is measured once it ends, and until then only followed. Being the last row,
  // nothing is positioned below it, and its overflow still extends the scroll range.
  const observeLive = useCallback((node: HTMLElement | null) => {
    if (liveRow.current) follow.current?.unobserve(liveRow.current);
    liveRow.current = node;
    if (node) follow.current?.observe(node);
  }, []);

  // A search hit opens the thread at its message: scrolled to the middle of the view, marked (the
  // colour fades after a moment), and given keyboard focus once so a screen reader reads it. Waits
  // until the thread holds the message; another conversation or a new message ends the mark.
  const focusId = useChatUI(selectFocusedMessage(conversationId));
  const { clearFocus } = useChatUI.getState();
  const [found, setFound] = useState<{ id: string; lit: boolean } | null>(null);
  const focusedOnce = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the virtualizer is stable; a new thread may now hold the message
  useEffect(() => {
    if (!focusId) return;
    const index = thread.findIndex((m) => m.id === focusId);
    if (index < 0) return;
    clearFocus();
    stick.current = false;
    setAtBottom(false);
    focusedOnce.current = false;
    setFound({ id: focusId, lit: true });
    virtualizer.scrollToIndex(index, { align: "center" });
  }, [focusId, thread, clearFocus]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a conversation switch or a new message ends the mark
  useEffect(() => {
    if (!focusId) setFound(null);
  }, [conversationId, lastId]);
  useEffect(() => {
    if (!found?.lit) return;
    const timer = setTimeout(() => setFound((f) => f && { ...f, lit: false }), MARK_MS);
    return () => clearTimeout(timer);
  }, [found?.lit]);
  // The row mounts once the virtualizer has scrolled to it.
  const focusFound = useCallback((node: HTMLElement | null) => {
    if (!node || focusedOnce.current) return;
    focusedOnce.current = true;
    node.focus({ preventScroll: true });
  }, []);

  // Selecting messages for an image: each row gets its checkbox (the selection itself is in the store).
  const selecting = useExport(selectIsSelecting(conversationId));
  const selected = useExport(selectSelected);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX;
    stick.current = bottom;
    if (bottom !== atBottom) setAtBottom(bottom);
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        role="log"
        aria-label={t("chat.log.label")}
        // The thread is virtualized, so the rows on the page are not all of it: this says how many there are.
        data-count={thread.length}
        tabIndex={-1}
        className="absolute inset-0 overflow-y-auto overscroll-contain"
      >
        {thread.length === 0 ? (
          empty
        ) : (
          <div ref={listRef} className="relative w-full [overflow-anchor:none]" style={{ height: total }}>
            {virtualizer.getVirtualItems().map((item) => {
              const message = thread[item.index]!;
              const v = versions[item.index] ?? { index: 0, count: 1 };
              const live = busy && message.id === replyId && item.index === thread.length - 1;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  data-row-id={message.id}
                  ref={live ? observeLive : virtualizer.measureElement}
                  className="absolute top-0 left-0 w-full"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <div
                    ref={message.id === found?.id ? focusFound : undefined}
                    tabIndex={message.id === found?.id ? -1 : undefined}
                    data-found={message.id === found?.id || undefined}
                    className={`mx-auto max-w-chat rounded-xl px-4 py-3 transition-colors duration-700 ${
                      message.id === found?.id && found.lit ? "bg-amber-100/70 dark:bg-amber-900/30" : ""
                    } ${selecting ? "grid grid-cols-[auto_minmax(0,1fr)] gap-3" : ""} ${
                      selecting && selected.has(message.id) ? "bg-violet-50 dark:bg-violet-950/40" : ""
                    }`}
                  >
                    {/* Before the row, in a slot of its own, so entering selection does not remount it. */}
                    {selecting && <SelectCheckbox messageId={message.id} n={item.index + 1} />}
                    <MessageRow
                      message={message}
                      versionIndex={v.index}
                      versionCount={v.count}
                      busy={busy}
                      isLast={item.index === thread.length - 1}
                      onStep={onStep}
                      liveConversationId={message.id === replyId ? conversationId : undefined}
                    />
                  </div>
                </div>
              );
            })}
          </div>
        )}
        {/* The only scroll anchor: in view while the reader is at the end, so growth keeps them there. */}
        <div aria-hidden="true" className="h-px [overflow-anchor:auto]" />
      </div>
      {!atBottom && thread.length > 0 && (
        <button
          type="button"
          onClick={() => {
            stick.current = true;
            const el = scrollRef.current;
            if (el) el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
          }}
          className="absolute bottom-3 left-1/2 flex -translate-x-1/2 items-center gap-1 rounded-full border border-zinc-200 bg-white px-3 py-1.5 text-xs font-medium shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <ArrowDownIcon size={14} />
          {t("chat.scrollToLatest")}
        </button>
      )}
    </div>
  );
}
