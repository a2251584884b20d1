// Chat UI state that outlives a page: composer drafts per conversation, the new-chat choices made
// before the conversation exists, and the sidebar / settings panel toggles. Initial state, actions,
// selectors: components read through the selectors and act through `useChatUI.getState()`.

import { create } from "zustand";
import type { ChatModelRef } from "@/lib/chat/contract";
import type { ChatSettings } from "@/lib/db";

/** Drafts of the "new chat" screen are kept under this key. */
export const NEW_CHAT = "new";

interface ChatUIState {
  drafts: Record<string, string>;
  /**
   * Model and settings picked on /chat before the first message creates the conversation. Unset
   * means untouched: the new-chat defaults (Settings) apply.
   */
  newChat: { model?: ChatModelRef; settings?: ChatSettings };
  /** Mobile: the conversation drawer. Desktop: the collapsible sidebar. */
  drawerOpen: boolean;
  sidebarCollapsed: boolean;
  settingsOpen: boolean;
  /**
   * A message to bring into view once its conversation shows (a search hit): the thread scrolls to
   * it, marks it for a moment and clears this.
   */
  focus: { conversationId: string; messageId: string } | null;
}

interface ChatUIActions {
  setDraft: (key: string, text: string) => void;
  setNewChatModel: (model: ChatModelRef) => void;
  setNewChatSettings: (settings: ChatSettings) => void;
  resetNewChat: () => void;
  setDrawerOpen: (open: boolean) => void;
  toggleSidebar: () => void;
  setSettingsOpen: (open: boolean) => void;
  focusMessage: (conversationId: string, messageId: string) => void;
  clearFocus: () => void;
}

const initialChatUIState: ChatUIState = {
  drafts: {},
  newChat: {},
  drawerOpen: false,
  sidebarCollapsed: false,
  settingsOpen: false,
  focus: null,
};

export const useChatUI = create<ChatUIState & ChatUIActions>()((set) => ({
  ...initialChatUIState,
  setDraft: (key, text) =>
    set((s) => {
      if ((s.drafts[key] ?? "") === text) return s;
      const drafts = { ...s.drafts };
      if (text) drafts[key] = text;
      else delete drafts[key];
      return { drafts };
    }),
  setNewChatModel: (model) => set((s) => ({ newChat: { ...s.newChat, model } })),
  setNewChatSettings: (settings) => set((s) => ({ newChat: { ...s.newChat, settings } })),
  // The next new chat starts from the defaults again (a model picked without defaults is remembered
  // by rememberModel, so it still comes back).
  resetNewChat: () => set({ newChat: initialChatUIState.newChat }),
  setDrawerOpen: (open) => set({ drawerOpen: open }),
  toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
  setSettingsOpen: (open) => set({ settingsOpen: open }),
  focusMessage: (conversationId, messageId) => set({ focus: { conversationId, messageId } }),
  clearFocus: () => set({ focus: null }),
}));

export const selectDraft = (key: string) => (s: ChatUIState) => s.drafts[key] ?? "";
export const selectNewChat = (s: ChatUIState) => s.newChat;
export const selectDrawerOpen = (s: ChatUIState) => s.drawerOpen;
export const selectSidebarCollapsed = (s: ChatUIState) => s.sidebarCollapsed;
export const selectSettingsOpen = (s: ChatUIState) => s.settingsOpen;
/** The message to bring into view in this conversation, if any. */
export const selectFocusedMessage = (conversationId: string) => (s: ChatUIState) =>
  s.focus?.conversationId === conversationId ? s.focus.messageId : null;
