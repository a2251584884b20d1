"use client";

// The reply this tab streams: subscribed to its AI SDK `Chat` with `useChat`. Loaded with the
// chat runtime (see lib/stores/chat-runtime.ts), never on the first paint of a history.

import type { Chat } from "@ai-sdk/react";
import { useChat } from "@ai-sdk/react";
import { useEffect, useState } from "react";
import type { ChatMessage } from "@/lib/chat/types";
import { liveTiming } from "@/lib/stores/chat-timing";
import { AssistantMessage } from "./assistant-message";
import type { MessageRowProps } from "./message-row-props";
import { STREAM_THROTTLE_MS, throttleFor } from "./stream-throttle";

export type LiveAssistantProps = Omit<MessageRowProps, "chat"> & { chat: Chat<ChatMessage> };

function textLength(parts: readonly { type: string; text?: unknown }[]): number {
  let n = 0;
  for (const p of parts) if (typeof p.text === "string") n += p.text.length;
  return n;
}

export default function LiveAssistant({ chat, message, ...rest }: LiveAssistantProps) {
  const [throttle, setThrottle] = useState(STREAM_THROTTLE_MS);
  const { messages } = useChat({ chat, throttle });
  const last = messages.at(-1);
  // Until the stored row says it is final, this tab's copy is the newest one.
  const streaming = rest.busy || message.status === "streaming";
  const parts = streaming && last?.role === "assistant" ? last.parts : message.parts;
  const liveTrimmed = streaming && last?.role === "assistant" ? last.metadata?.contextTrimmed : undefined;
  const size = streaming ? textLength(parts) : 0;
  useEffect(() => {
    const next = throttleFor(size);
    if (next !== throttle) setThrottle(next);
  }, [size, throttle]);
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
