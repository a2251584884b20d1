"use client";

import { create } from "zustand";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import type { CustomVoice } from "../contract";
import { fetchVoices, deleteVoice as removeRemote } from "./api";
import { useSpeechPrefs } from "./prefs";

// The user's uploaded voices live at the provider; this is the page-session copy shared by the
// studio, the Settings select and Read aloud, so a delete in one place updates every list.

interface VoicesState {
  voices: CustomVoice[] | null;
  error: AppErrorJSON | null;
  loading: boolean;
}

const initialVoicesState: VoicesState = { voices: null, error: null, loading: false };

interface VoicesActions {
  load(force?: boolean): Promise<void>;
  added(voice: CustomVoice): void;
  remove(uri: string): Promise<void>;
}

let inflight: Promise<void> | null = null;

export const useVoices = create<VoicesState & VoicesActions>()((set, get) => ({
  ...initialVoicesState,
  load: (force = false) => {
    if (inflight) return inflight;
    if (get().voices && !force) return Promise.resolve();
    set({ loading: true, error: null });
    inflight = fetchVoices()
      .then((voices) => set({ voices, loading: false }))
      .catch((err: unknown) => set({ error: AppError.from(err).toJSON(), loading: false }))
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },
  added: (voice) => set((s) => ({ voices: [...(s.voices ?? []).filter((v) => v.uri !== voice.uri), voice] })),
  remove: async (uri) => {
    await removeRemote(uri);
    set((s) => ({ voices: (s.voices ?? []).filter((v) => v.uri !== uri) }));
    useSpeechPrefs.getState().forgetVoice(uri);
  },
}));

export const selectVoices = (s: VoicesState) => s.voices;
export const selectVoicesError = (s: VoicesState) => s.error;
export const selectVoicesLoading = (s: VoicesState) => s.loading;
