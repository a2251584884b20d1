"use client";

import { useEffect } from "react";
import { loadChatRuntime, whenIdle } from "@/lib/chat/client/runtime";
import { preloadMath } from "./markdown/math";
import { preloadLiveAssistant } from "./message-row";

// What counts as the first sign the reader is about to send: a key, text arriving in a field (a
// paste, or a test's fill), a press of any pointer. Not focus: the desktop composer takes focus on
// load by itself, and a reader who only reads history never needs the runtime.
const INTENT_EVENTS = ["keydown", "input", "pointerdown"] as const;

/**
 * For a page that streams replies (chat, compare): the AI SDK runtime and the streaming renderer
 * (about 230 KB gzip) start loading at the reader's first key or press, seconds before a send in
 * practice, instead of on every visit; a send that comes first waits for them (sessions.ts loads
 * the runtime itself). KaTeX and its fonts follow in a later idle period, so the first formula of
 * a streaming reply does not stall it (see warmMath).
 */
export function useIntentPreload(): void {
  useEffect(() => {
    let cancelMath = () => {};
    const start = () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, start, true);
      void Promise.all([loadChatRuntime(), preloadLiveAssistant()])
        .then(() => {
          cancelMath = whenIdle(preloadMath, 5000);
        })
        .catch(() => {});
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, start, { capture: true, passive: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, start, true);
      cancelMath();
    };
  }, []);
}
