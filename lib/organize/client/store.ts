// Organize UI state: which folders are folded, the conversation a dialog is acting on, the tag
// filter, and the command palette / shortcut help. Initial state, actions, selectors.

import { create } from "zustand";

const COLLAPSED_KEY = "siliconplay:collapsed-folders";

type ConversationDialog = { kind: "move" | "tags"; conversationId: string; title: string } | null;

interface OrganizeState {
  collapsed: Record<string, true>;
  dialog: ConversationDialog;
  tagFilter: string;
  paletteOpen: boolean;
  helpOpen: boolean;
}

interface OrganizeActions {
  toggleFolder: (id: string) => void;
  openDialog: (dialog: ConversationDialog) => void;
  setTagFilter: (tag: string) => void;
  setPaletteOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
}

function readCollapsed(): Record<string, true> {
  try {
    const ids = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? "[]") as unknown;
    return Array.isArray(ids) ? Object.fromEntries(ids.filter((x) => typeof x === "string").map((x) => [x, true])) : {};
  } catch {
    return {};
  }
}

const initialOrganizeState: OrganizeState = {
  collapsed: {},
  dialog: null,
  tagFilter: "",
  paletteOpen: false,
  helpOpen: false,
};

export const useOrganize = create<OrganizeState & OrganizeActions>()((set, get) => ({
  ...initialOrganizeState,
  collapsed: typeof localStorage === "undefined" ? {} : readCollapsed(),
  toggleFolder: (id) => {
    const collapsed = { ...get().collapsed };
    if (collapsed[id]) delete collapsed[id];
    else collapsed[id] = true;
    set({ collapsed });
    try {
      localStorage.setItem(COLLAPSED_KEY, JSON.stringify(Object.keys(collapsed)));
    } catch {
      // private mode: folding is only a convenience
    }
  },
  openDialog: (dialog) => set({ dialog }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));

export const selectCollapsed = (id: string) => (s: OrganizeState) => s.collapsed[id] === true;
export const selectDialog = (s: OrganizeState) => s.dialog;
export const selectTagFilter = (s: OrganizeState) => s.tagFilter;
export const selectPaletteOpen = (s: OrganizeState) => s.paletteOpen;
export const selectHelpOpen = (s: OrganizeState) => s.helpOpen;
