"use client";

import { useEffect } from "react";
import { loadChatRuntime, whenIdle } from "@/lib/chat/client/runtime";
import { preloadMath } from "./markdown/math";
import { preloadLiveAssistant } from "./message-row";

/**
 * For a page that streams replies (chat, compare): the AI SDK runtime and the streaming renderer
 * load while the page is idle, so the first send does not wait for them; KaTeX and its fonts follow
 * in a later idle period, so the first formula of a streaming reply does not stall it (see warmMath).
 */
export function useIdlePreload(): void {
  useEffect(() => {
    let cancelMath = () => {};
    const cancel = whenIdle(() =>
      Promise.all([loadChatRuntime(), preloadLiveAssistant()]).then(() => {
        cancelMath = whenIdle(preloadMath, 5000);
      }),
    );
    return () => {
      cancel();
      cancelMath();
    };
  }, []);
}
