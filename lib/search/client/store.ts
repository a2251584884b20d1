import { create } from "zustand";
import type { WebSearchStatus } from "../contract";
import { fetchWebSearchStatus } from "./api";

// The "Web search" switch: one choice for every conversation (like the theme), remembered in this
// browser, and whether this server can search at all (GET /api/search), asked once per page load.

const STORAGE_KEY = "siliconplay.webSearch";

interface WebSearchState {
  /** The user's choice; what is sent also needs `status.available`. */
  enabled: boolean;
  /** undefined until /api/search answered (or failed: then the switch still works, the server decides). */
  status: WebSearchStatus | undefined;
}

interface WebSearchActions {
  setEnabled: (enabled: boolean) => void;
  /** Reads the remembered choice and asks the server once; later calls do nothing. */
  load: () => void;
}

let loading = false;

const initialWebSearchState: WebSearchState = { enabled: false, status: undefined };

export const useWebSearch = create<WebSearchState & WebSearchActions>()((set) => ({
  ...initialWebSearchState,
  setEnabled: (enabled) => {
    set({ enabled });
    try {
      if (enabled) localStorage.setItem(STORAGE_KEY, "1");
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused (private mode, quota): the choice holds for this page only.
    }
  },
  load: () => {
    if (loading) return;
    loading = true;
    try {
      if (localStorage.getItem(STORAGE_KEY) === "1") set({ enabled: true });
    } catch {}
    fetchWebSearchStatus().then(
      (status) => set({ status }),
      () => {
        loading = false;
      },
    );
  },
}));

/** Whether a request now should ask the server to search (read when a reply starts, not during render). */
export function webSearchRequested(): boolean {
  const { enabled, status } = useWebSearch.getState();
  return enabled && status?.available !== false;
}

export const selectWebSearchEnabled = (s: WebSearchState) => s.enabled;
export const selectWebSearchStatus = (s: WebSearchState) => s.status;
