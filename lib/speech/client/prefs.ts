"use client";

import { useEffect, useState } from "react";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import {
  DEFAULT_SPEECH_MODEL,
  FORMAT_SPECS,
  GAIN,
  presetVoiceId,
  SPEED,
  type SpeechFormat,
  voiceForModel,
} from "../bounds";

// Speech preferences kept in localStorage: the studio's last settings and the voice Read aloud uses.
// Not in IndexedDB: they are a few bytes, needed synchronously, and not worth exporting with the data.

interface SpeechForm {
  model: string;
  voice: string;
  speed: number;
  gain: number;
  format: SpeechFormat;
  sampleRate: number;
}

interface ReadAloudVoice {
  model: string;
  voice: string;
}

interface SpeechPrefs {
  form: SpeechForm;
  readAloud: ReadAloudVoice;
  /** Display names of uploaded voices by uri, where they differ from the provider's `customName`. */
  voiceNames: Record<string, string>;
}

interface SpeechPrefsActions {
  setForm(patch: Partial<SpeechForm>): void;
  setReadAloud(voice: ReadAloudVoice): void;
  nameVoice(uri: string, name: string): void;
  /** A deleted custom voice must not stay selected anywhere. */
  forgetVoice(uri: string): void;
}

const DEFAULT_VOICE = presetVoiceId(DEFAULT_SPEECH_MODEL, "alex");

export const DEFAULT_FORM: SpeechForm = {
  model: DEFAULT_SPEECH_MODEL,
  voice: DEFAULT_VOICE,
  speed: SPEED.default,
  gain: GAIN.default,
  format: "mp3",
  sampleRate: FORMAT_SPECS.mp3.defaultRate,
};

/** Applies a patch and keeps the form consistent (a sample rate valid for the format, a preset of the model). */
export function nextForm(form: SpeechForm, patch: Partial<SpeechForm>): SpeechForm {
  const next = { ...form, ...patch };
  const spec = FORMAT_SPECS[next.format] ?? FORMAT_SPECS.mp3;
  if (!spec.rates.includes(next.sampleRate)) next.sampleRate = spec.defaultRate;
  if (patch.model && !patch.voice) next.voice = voiceForModel(next.voice, next.model);
  return next;
}

const initialSpeechPrefs: SpeechPrefs = {
  form: DEFAULT_FORM,
  readAloud: { model: DEFAULT_SPEECH_MODEL, voice: DEFAULT_VOICE },
  voiceNames: {},
};

export const useSpeechPrefs = create<SpeechPrefs & SpeechPrefsActions>()(
  persist(
    (set) => ({
      ...initialSpeechPrefs,
      setForm: (patch) => set((s) => ({ form: nextForm(s.form, patch) })),
      setReadAloud: (readAloud) => set({ readAloud }),
      nameVoice: (uri, name) => set((s) => ({ voiceNames: { ...s.voiceNames, [uri]: name } })),
      forgetVoice: (uri) =>
        set((s) => ({
          voiceNames: Object.fromEntries(Object.entries(s.voiceNames).filter(([key]) => key !== uri)),
          form: s.form.voice === uri ? { ...s.form, voice: presetVoiceId(s.form.model, "alex") } : s.form,
          readAloud: s.readAloud.voice === uri ? initialSpeechPrefs.readAloud : s.readAloud,
        })),
    }),
    {
      name: "siliconplay.speech",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ form: s.form, readAloud: s.readAloud, voiceNames: s.voiceNames }),
      // Re-validate what comes back: an old or hand-edited entry must not produce an invalid request.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Pick<SpeechPrefs, "form" | "readAloud" | "voiceNames">>;
        const names = typeof p.voiceNames === "object" && p.voiceNames !== null ? p.voiceNames : {};
        return {
          ...current,
          form: nextForm(DEFAULT_FORM, { ...p.form }),
          readAloud: p.readAloud?.voice && p.readAloud.model ? p.readAloud : current.readAloud,
          voiceNames: Object.fromEntries(Object.entries(names).filter(([, name]) => typeof name === "string")),
        };
      },
      // Read after mount (useSpeechPrefsHydration), so the server's HTML and the first client render agree.
      skipHydration: true,
    },
  ),
);

/**
 * Call once in each client tree that reads the prefs. Answers whether they are read: a control that
 * writes them stays disabled until then, or a choice made in that moment would be overwritten.
 */
export function useSpeechPrefsHydration(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    const unsubscribe = useSpeechPrefs.persist.onFinishHydration(() => setHydrated(true));
    if (useSpeechPrefs.persist.hasHydrated()) setHydrated(true);
    else void useSpeechPrefs.persist.rehydrate();
    return unsubscribe;
  }, []);
  return hydrated;
}

export const selectSpeechForm = (s: SpeechPrefs) => s.form;
export const selectSpeechModel = (s: SpeechPrefs) => s.form.model;
export const selectReadAloudVoice = (s: SpeechPrefs) => s.readAloud;
export const selectVoiceNames = (s: SpeechPrefs) => s.voiceNames;
