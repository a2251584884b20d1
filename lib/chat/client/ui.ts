// Chat UI state that outlives a page: composer drafts per conversation, the new-chat choices made
// before the conversation exists, and the sidebar / settings panel toggles.

import { create } from "zustand";
import type { ChatModelRef } from "@/lib/chat/contract";
import type { ChatSettings } from "@/lib/db";

/** Drafts of the "new chat" screen are kept under this key. */
export const NEW_CHAT = "new";

interface ChatUIState {
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  /**
   * Model and settings picked on /chat before the first message creates the conversation. Unset
   * means untouched: the new-chat defaults (Settings) apply.
   */
  newChat: { model?: ChatModelRef; settings?: ChatSettings };
  setNewChatModel: (model: ChatModelRef) => void;
  setNewChatSettings: (settings: ChatSettings) => void;
  resetNewChat: () => void;
  /** Mobile: the conversation drawer. Desktop: the collapsible sidebar. */
  drawerOpen: boolean;
  sidebarCollapsed: boolean;
  setDrawerOpen: (open: boolean) => void;
  toggleSidebar: () => void;
  settingsOpen: boolean;
  setSettingsOpen: (open: boolean) => void;
  /**
   * A message to bring into view once its conversation shows (a search hit): the thread scrolls to
   * it, marks it for a moment and clears this.
   */
  focus: { conversationId: string; messageId: string } | null;
  focusMessage: (conversationId: string, messageId: string) => void;
  clearFocus: () => void;
}

export const useChatUI = create<ChatUIState>()((set) => ({
  drafts: {},
  setDraft: (key, text) =>
    set((s) => {
      if ((s.drafts[key] ?? "") === text) return s;
      const drafts = { ...s.drafts };
      if (text) drafts[key] = text;
      else delete drafts[key];
      return { drafts };
    }),
  newChat: {},
  setNewChatModel: (model) => set((s) => ({ newChat: { ...s.newChat, model } })),
  setNewChatSettings: (settings) => set((s) => ({ newChat: { ...s.newChat, settings } })),
  // The next new chat starts from the defaults again (a model picked without defaults is remembered
  // by rememberModel, so it still comes back).
  resetNewChat: () => set({ newChat: {} }),
  drawerOpen: false,
  sidebarCollapsed: false,
  setDrawerOpen: (open) => set({ drawerOpen: open }),
  toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
  settingsOpen: false,
  setSettingsOpen: (open) => set({ settingsOpen: open }),
  focus: null,
  focusMessage: (conversationId, messageId) => set({ focus: { conversationId, messageId } }),
  clearFocus: () => set({ focus: null }),
}));
