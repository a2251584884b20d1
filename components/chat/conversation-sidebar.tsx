"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ConversationDialogs } from "@/components/organize/conversation-dialogs";
import { dropTarget, FolderSection } from "@/components/organize/folder-section";
import { TagFilter } from "@/components/organize/tag-filter";
import { SearchIcon } from "@/components/ui/icons";
import { type Conversation, conversationActions } from "@/lib/chat/client/db";
import { useConversationSearch } from "@/lib/chat/client/hooks";
import { useChatSessions } from "@/lib/chat/client/sessions";
import { selectDrawerOpen, selectSidebarCollapsed, useChatUI } from "@/lib/chat/client/ui";
import { useT } from "@/lib/i18n/client";
import { NO_FOLDER } from "@/lib/organize/client/folders";
import { useFolderConversations, useTagged } from "@/lib/organize/client/hooks";
import { selectTagFilter, useOrganize } from "@/lib/organize/client/store";
import { SIDEBAR_ID } from "./chat-header";
import { ConversationList } from "./conversation-list";
import type { RowActions } from "./conversation-row";
import { SearchResults } from "./search-results";
import { UndoToast } from "./undo-toast";
import { useConversationId } from "./use-conversation";

const PAGE = 150;
const UNDO_MS = 8000;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** The `Conversations` nav: search, pinned first then by last activity, rename / pin / delete with undo. */
export function ConversationSidebar() {
  const t = useT();
  const activeId = useConversationId();
  const drawerOpen = useChatUI(selectDrawerOpen);
  const collapsed = useChatUI(selectSidebarCollapsed);
  const [query, setQuery] = useState("");
  const search = useDebounced(query.trim(), 150);
  const [limit, setLimit] = useState(PAGE);
  // The deleted conversation, and whether it was the open one (Undo then opens it again).
  const [deleted, setDeleted] = useState<{ conversation: Conversation; wasOpen: boolean } | null>(null);

  // The main list holds the conversations in no folder; folders list their own (FolderSection).
  const unfiled = useFolderConversations(NO_FOLDER, limit);
  const tagFilter = useOrganize(selectTagFilter);
  const tagged = useTagged(tagFilter);
  const list = tagFilter ? tagged : unfiled;
  const [dropOver, setDropOver] = useState(false);
  const hits = useConversationSearch(search);

  // No row count: counting walks the whole index (~160 ms at 10,000 conversations in Chromium) and
  // holds up the page's other reads. A full page means there may be more; a short one ends it.
  const onNeedMore = useCallback(() => {
    if (!tagFilter && list && list.length >= limit) setLimit((l) => l + PAGE);
  }, [list, limit, tagFilter]);

  const closeDrawer = useCallback(() => useChatUI.getState().setDrawerOpen(false), []);

  // Read at the time of a delete, not a dependency: the actions stay the same object across
  // conversations, so opening one does not re-render every (memoized) row of a long sidebar —
  // with 20 folders of 25 rows that was ~300 ms of rendering before the conversation's read began.
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const actions = useMemo<RowActions>(
    () => ({
      rename: (id, title) => void conversationActions.rename(id, title),
      pin: (id, pinned) => void conversationActions.pin(id, pinned),
      remove: (conversation) => {
        const wasOpen = conversation.id === activeRef.current;
        useChatSessions.getState().stop(conversation.id);
        void conversationActions.softDelete(conversation.id).then(() =>
          setDeleted((previous) => {
            // One toast at a time: the one it replaces can no longer be undone.
            if (previous) void conversationActions.remove(previous.conversation.id);
            return { conversation, wasOpen };
          }),
        );
        if (wasOpen) window.history.pushState(null, "", "/chat");
      },
      navigate: closeDrawer,
    }),
    [closeDrawer],
  );

  // Escape closes the mobile drawer.
  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) closeDrawer();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drawerOpen, closeDrawer]);

  return (
    <>
      {drawerOpen && (
        <button
          type="button"
          aria-label={t("chat.sidebar.hide")}
          tabIndex={-1}
          onClick={closeDrawer}
          className="fixed inset-0 z-30 bg-black/40 md:hidden"
        />
      )}
      <aside
        id={SIDEBAR_ID}
        className={`flex w-72 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 max-md:fixed max-md:inset-y-0 max-md:left-0 max-md:z-40 max-md:w-[min(20rem,85vw)] max-md:shadow-xl ${
          drawerOpen ? "" : "max-md:hidden"
        } ${collapsed ? "md:hidden" : ""}`}
      >
        <div className="p-2">
          <div className="relative">
            <SearchIcon
              size={14}
              className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-zinc-400"
            />
            <input
              type="search"
              aria-label={t("chat.search.label")}
              placeholder={t("chat.search.placeholder")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape" && query) {
                  e.preventDefault();
                  setQuery("");
                }
              }}
              className="w-full rounded-lg border border-zinc-200 bg-white py-1.5 pr-2 pl-8 text-sm outline-none focus:border-violet-500 dark:border-zinc-700 dark:bg-zinc-950"
            />
          </div>
          <TagFilter />
        </div>
        <nav aria-label={t("chat.conversations")} className="flex min-h-0 flex-1 flex-col">
          {!search && !tagFilter && <FolderSection activeId={activeId} actions={actions} />}
          <div
            className={`relative min-h-0 flex-1 ${dropOver ? "bg-violet-50 dark:bg-violet-950/30" : ""}`}
            {...dropTarget(NO_FOLDER, setDropOver)}
          >
            {search && hits ? (
              <SearchResults hits={hits} query={search} activeId={activeId} onNavigate={closeDrawer} />
            ) : list && list.length === 0 ? (
              <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">
                {tagFilter ? t("organize.tags.none") : t("chat.list.empty")}
              </p>
            ) : (
              <ConversationList
                conversations={list ?? []}
                activeId={activeId}
                actions={actions}
                onNeedMore={onNeedMore}
              />
            )}
          </div>
        </nav>
      </aside>
      <ConversationDialogs />
      {deleted && (
        <UndoToast
          key={deleted.conversation.id}
          message={t("chat.deleted", { title: deleted.conversation.title || t("chat.untitled") })}
          timeoutMs={UNDO_MS}
          onUndo={() => {
            const { conversation, wasOpen } = deleted;
            void conversationActions.restore(conversation.id).then(() => {
              // It was open when deleted: open it again, unless the user has moved on to another one.
              const href = `/chat/${encodeURIComponent(conversation.id)}`;
              if (wasOpen && window.location.pathname === "/chat") window.history.pushState(null, "", href);
            });
            setDeleted(null);
          }}
          onExpire={() => {
            // Past the undo window the rows go for good (startup purges any a closed tab left behind).
            void conversationActions.remove(deleted.conversation.id);
            setDeleted(null);
          }}
        />
      )}
    </>
  );
}
