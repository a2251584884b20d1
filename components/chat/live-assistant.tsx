"use client";

// The reply this tab streams, read from its AI SDK `Chat`. Loaded with the chat runtime (see
// lib/chat/client/runtime.ts), never on the first paint of a history.
//
// Not `useChat`: its throttled updates are urgent renders, timed per reply, so replies streaming
// side by side (/compare) redraw in the same task. Here new text only marks the reply; it redraws
// as a transition when live-frames.ts gives it its turn (one reply's redraw at a time).

import type { Chat } from "@ai-sdk/react";
import { startTransition, useEffect, useRef, useState } from "react";
import { sessionChat } from "@/lib/chat/client/runtime";
import { onChatMessages } from "@/lib/chat/client/sdk-messages";
import { liveTiming } from "@/lib/chat/client/timing";
import type { ChatMessage } from "@/lib/chat/contract";
import { AssistantMessage } from "./assistant-message";
import { joinLiveFrames, type LiveSlot } from "./live-frames";
import type { MessageRowProps } from "./message-row-props";
import { throttleFor } from "./stream-throttle";

export type LiveAssistantProps = Omit<MessageRowProps, "liveConversationId"> & { conversationId: string };

function textLength(parts: readonly { type: string; text?: unknown }[]): number {
  let n = 0;
  for (const p of parts) if (typeof p.text === "string") n += p.text.length;
  return n;
}

/** The chat's reply in progress, or undefined before its first chunk. */
function liveReply(chat: Chat<ChatMessage> | undefined): ChatMessage | undefined {
  const last = chat?.lastMessage;
  return last?.role === "assistant" ? last : undefined;
}

export default function LiveAssistant({ conversationId, message, ...rest }: LiveAssistantProps) {
  // Empty until the subscription below takes its first turn (a frame): the stored row shows meanwhile.
  const [live, setLive] = useState<ChatMessage | undefined>(undefined);
  // Until the stored row says it is final, this tab's copy is the newest one.
  const streaming = rest.busy || message.status === "streaming";
  const slot = useRef<LiveSlot | null>(null);
  const shown = useRef(live);
  shown.current = live;

  useEffect(() => {
    // The runtime object is read here, outside render (issue 19: components hold ids, not runtimes).
    const chat = sessionChat(conversationId);
    if (!streaming || !chat) return;
    const s = joinLiveFrames(() => {
      const next = liveReply(chat);
      if (next === shown.current) return false;
      startTransition(() => setLive(next));
      return true;
    });
    slot.current = s;
    const mark = () => s.mark(throttleFor(shown.current ? textLength(shown.current.parts) : 0));
    const off = onChatMessages(chat, mark);
    mark();
    return () => {
      off();
      s.leave();
      if (slot.current === s) slot.current = null;
    };
  }, [conversationId, streaming]);
  // The redraw committed: the next reply's turn may come.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `live` changing is the trigger
  useEffect(() => slot.current?.done(), [live]);

  const parts = streaming && live ? live.parts : message.parts;
  const liveTrimmed = streaming && live ? live.metadata?.contextTrimmed : undefined;
  return (
    <AssistantMessage
      message={message}
      parts={parts}
      streaming={streaming}
      timing={liveTiming(message.id)}
      liveTrimmed={liveTrimmed}
      {...rest}
    />
  );
}
