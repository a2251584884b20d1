"use client";

import type { ReactNode } from "react";
import { AssistantBadge } from "@/components/organize/assistant-badge";
import { MenuIcon, PlusIcon, SidebarIcon } from "@/components/ui/icons";
import type { Conversation } from "@/lib/chat/client/db";
import { selectDrawerOpen, selectSidebarCollapsed, useChatUI } from "@/lib/chat/client/ui";
import { useT } from "@/lib/i18n/client";

export const SIDEBAR_ID = "chat-conversations";

const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800";

/** Title and token totals of the conversation, the sidebar toggles, and New chat. */
export function ChatHeader({ conversation, extra }: { conversation: Conversation | null; extra?: ReactNode }) {
  const t = useT();
  const drawerOpen = useChatUI(selectDrawerOpen);
  const collapsed = useChatUI(selectSidebarCollapsed);
  const usage = conversation?.usage;
  const hasUsage = !!usage && usage.input + usage.output + usage.reasoning > 0;
  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800">
      <button
        type="button"
        className={`${iconButton} md:hidden`}
        aria-expanded={drawerOpen}
        aria-controls={SIDEBAR_ID}
        aria-label={t("chat.conversations")}
        onClick={() => useChatUI.getState().setDrawerOpen(!drawerOpen)}
      >
        <MenuIcon />
      </button>
      <button
        type="button"
        className={`${iconButton} max-md:hidden`}
        aria-expanded={!collapsed}
        aria-controls={SIDEBAR_ID}
        aria-label={collapsed ? t("chat.sidebar.show") : t("chat.sidebar.hide")}
        title={collapsed ? t("chat.sidebar.show") : t("chat.sidebar.hide")}
        onClick={() => useChatUI.getState().toggleSidebar()}
      >
        <SidebarIcon />
      </button>
      <h1 className="min-w-0 flex-1 truncate px-1 text-sm font-semibold">
        {conversation?.title || t("chat.untitled")}
      </h1>
      <AssistantBadge assistant={conversation?.assistant} />
      {hasUsage && (
        <span
          data-testid="conversation-usage"
          className="hidden shrink-0 text-xs tabular-nums text-zinc-500 sm:inline dark:text-zinc-400"
          title={t("chat.usage.conversationTitle")}
        >
          {t("chat.usage.conversation", { input: usage.input, output: usage.output, reasoning: usage.reasoning })}
        </span>
      )}
      {extra}
      <button
        type="button"
        onClick={() => {
          useChatUI.getState().setDrawerOpen(false);
          if (window.location.pathname !== "/chat") window.history.pushState(null, "", "/chat");
        }}
        className="ml-1 inline-flex shrink-0 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        <PlusIcon size={15} />
        <span className="max-sm:sr-only">{t("chat.newChat")}</span>
      </button>
    </header>
  );
}
