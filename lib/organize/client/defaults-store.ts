import { create } from "zustand";
import { type NewChatDefaults, parseNewChatDefaults } from "../new-chat-defaults";

// The new-chat defaults of this browser (Settings → New chat defaults), in localStorage and validated
// on read: a damaged value falls back to no defaults, never a crash.

const KEY = "siliconplay:new-chat-defaults";

interface DefaultsState {
  loaded: boolean;
  defaults: NewChatDefaults;
}

interface DefaultsActions {
  /** Reads localStorage once in the browser (the server render has no preferences). */
  load: () => void;
  save: (next: NewChatDefaults) => void;
}

const initialDefaultsState: DefaultsState = { loaded: false, defaults: {} };

export const useNewChatDefaults = create<DefaultsState & DefaultsActions>()((set, get) => ({
  ...initialDefaultsState,
  load: () => {
    if (get().loaded || typeof localStorage === "undefined") return;
    let defaults: NewChatDefaults = {};
    try {
      defaults = parseNewChatDefaults(JSON.parse(localStorage.getItem(KEY) ?? "null"));
    } catch {
      // unreadable: no defaults
    }
    set({ loaded: true, defaults });
  },
  save: (next) => {
    const defaults = parseNewChatDefaults(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(defaults));
    } catch {
      // private mode or a full disk: the defaults last for this page only
    }
    set({ loaded: true, defaults });
  },
}));

/** The defaults now, read on first use (for actions outside React, such as starting a chat). */
export function currentDefaults(): NewChatDefaults {
  useNewChatDefaults.getState().load();
  return useNewChatDefaults.getState().defaults;
}

export const selectDefaultsLoaded = (s: DefaultsState) => s.loaded;
export const selectNewChatDefaults = (s: DefaultsState) => s.defaults;
