"use client";

import { create } from "zustand";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { localError } from "@/lib/local-error";
import { speakableText, splitForSpeech } from "../text";
import { wavFromPcm16 } from "../wav";
import { requestSpeech } from "./api";
import { useSpeechPrefs } from "./prefs";

// One reader for the whole page: starting Read aloud on one message stops any other. The answer is
// split into sentences packed into chunks (the first one short); chunk n+1 is synthesised while
// chunk n plays, so a long answer starts speaking after one short request instead of one long one.

type ReadAloudStatus = "idle" | "loading" | "playing";

interface ReadAloudState {
  /** Which button owns the reader (each ReadAloudButton passes its own key). */
  owner: string | null;
  status: ReadAloudStatus;
  error: { owner: string; error: AppErrorJSON } | null;
}

const initialReadAloudState: ReadAloudState = { owner: null, status: "idle", error: null };

// No actions in the store: startReading / stopReading below drive the one reader and write its state.
export const useReadAloud = create<ReadAloudState>()(() => initialReadAloudState);

let audio: HTMLAudioElement | null = null;
let session: AbortController | null = null;

let silentUrl: string | undefined;

/**
 * A few silent samples: playing them inside the click unlocks audio in browsers that demand a
 * gesture (iOS Safari). A blob: URL, made once: the page's CSP allows `media-src 'self' blob:`
 * (lib/security/headers.ts), so a data: URL would be refused and audio would stay locked.
 */
function silence(): string {
  silentUrl ??= URL.createObjectURL(new Blob([wavFromPcm16(new Uint8Array(64), 8000)], { type: "audio/wav" }));
  return silentUrl;
}

function element(): HTMLAudioElement {
  audio ??= new Audio();
  return audio;
}

export function stopReading(): void {
  session?.abort();
  session = null;
  const el = audio;
  if (el) {
    el.pause();
    el.removeAttribute("src");
    el.load();
  }
  useReadAloud.setState({ owner: null, status: "idle" });
}

function playToEnd(el: HTMLAudioElement, url: string, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      el.removeEventListener("ended", onEnded);
      el.removeEventListener("error", onError);
      el.removeEventListener("playing", onPlaying);
      signal.removeEventListener("abort", onAbort);
    };
    const onEnded = () => {
      cleanup();
      resolve();
    };
    const onError = () => {
      cleanup();
      reject(new AppError("upstream_error", { detail: "the audio could not be played" }));
    };
    const onPlaying = () => useReadAloud.setState({ status: "playing" });
    const onAbort = () => {
      cleanup();
      reject(new DOMException("stopped", "AbortError"));
    };
    el.addEventListener("ended", onEnded);
    el.addEventListener("error", onError);
    el.addEventListener("playing", onPlaying);
    signal.addEventListener("abort", onAbort);
    el.src = url;
    el.play().catch((err: unknown) => {
      if (signal.aborted) return;
      cleanup();
      reject(err);
    });
  });
}

/** Speaks `text` (Markdown allowed; code and markup are skipped) with the default voice from Settings. */
export async function startReading(owner: string, text: string): Promise<void> {
  stopReading();
  const el = element();
  // Must run before the first await, while the click still counts as a user gesture.
  el.src = silence();
  el.play().catch(() => {});
  const chunks = splitForSpeech(speakableText(text));
  if (chunks.length === 0) {
    useReadAloud.setState({ error: { owner, error: localError("speech.readAloud.empty") } });
    return;
  }
  const controller = new AbortController();
  session = controller;
  useReadAloud.setState({ owner, status: "loading", error: null });
  const { model, voice } = useSpeechPrefs.getState().readAloud;
  const synth = (input: string) =>
    requestSpeech({ model, voice, input, format: "mp3", sampleRate: 32000, speed: 1, gain: 0 }, controller.signal).then(
      (res) => res.blob(),
    );
  const pending: Promise<Blob>[] = [];
  const ensure = (i: number) => {
    const chunk = chunks[i];
    if (chunk !== undefined && !pending[i]) {
      pending[i] = synth(chunk);
      // Handled when awaited; this keeps an early failure from being reported as unhandled.
      pending[i].catch(() => {});
    }
  };
  try {
    for (let i = 0; i < chunks.length; i++) {
      ensure(i);
      ensure(i + 1);
      const blob = await pending[i]!;
      const url = URL.createObjectURL(blob);
      try {
        await playToEnd(el, url, controller.signal);
      } finally {
        URL.revokeObjectURL(url);
      }
    }
    if (session === controller) stopReading();
  } catch (err) {
    if (controller.signal.aborted) return;
    stopReading();
    // The browser refused to play without a fresh click (strict autoplay rules).
    const blocked = err instanceof DOMException && err.name === "NotAllowedError";
    const error = blocked ? localError("speech.readAloud.blocked") : AppError.from(err).toJSON();
    useReadAloud.setState({ error: { owner, error } });
  }
}

export function clearReadAloudError(): void {
  useReadAloud.setState({ error: null });
}

export const selectIsReading = (owner: string) => (s: ReadAloudState) => s.owner === owner;
export const selectReadAloudStatus =
  (owner: string) =>
  (s: ReadAloudState): ReadAloudStatus =>
    s.owner === owner ? s.status : "idle";
export const selectReadAloudError = (owner: string) => (s: ReadAloudState) =>
  s.error?.owner === owner ? s.error.error : null;
