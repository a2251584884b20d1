"use client";

import type { Chat } from "@ai-sdk/react";
import { useChat } from "@ai-sdk/react";
import { memo, useEffect, useState } from "react";
import type { ChatMessage } from "@/lib/chat/types";
import type { Message } from "@/lib/db";
import { liveTiming } from "@/lib/stores/chat-run";
import { AssistantMessage } from "./assistant-message";
import { UserMessage } from "./user-message";

/**
 * Live text reaches React at most this often, however fast the tokens come (200 chunks/s is
 * normal). A very long reply redraws less often: each redraw costs more (its newest markdown block
 * is parsed again), and the new text lands at the bottom anyway.
 */
export const STREAM_THROTTLE_MS = 80;
function throttleFor(length: number): number {
  return length > 64_000 ? 250 : length > 24_000 ? 160 : STREAM_THROTTLE_MS;
}

export interface MessageRowProps {
  message: Message;
  versionIndex: number;
  versionCount: number;
  busy: boolean;
  isLast: boolean;
  onStep: (messageId: string, delta: number) => void;
  /** Set when this row is the reply this tab's session streams (or just streamed). */
  chat?: Chat<ChatMessage>;
}

function sameRow(a: MessageRowProps, b: MessageRowProps): boolean {
  // Live queries hand over new row objects on every write; a row only redraws when it changed.
  const sameMessage =
    a.message === b.message ||
    (a.message.id === b.message.id &&
      a.message.updatedAt === b.message.updatedAt &&
      a.message.status === b.message.status);
  return (
    sameMessage &&
    a.versionIndex === b.versionIndex &&
    a.versionCount === b.versionCount &&
    a.busy === b.busy &&
    a.isLast === b.isLast &&
    a.onStep === b.onStep &&
    a.chat === b.chat
  );
}

export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, chat, ...rest } = props;
  if (message.role === "user") return <UserMessage message={message} {...rest} />;
  if (chat) return <LiveAssistant chat={chat} message={message} {...rest} />;
  // A finished reply: stored parts, rendered once (memo), no subscription.
  return <AssistantMessage message={message} parts={message.parts} streaming={false} {...rest} />;
}, sameRow);

function textLength(parts: readonly { type: string; text?: unknown }[]): number {
  let n = 0;
  for (const p of parts) if (typeof p.text === "string") n += p.text.length;
  return n;
}

function LiveAssistant({ chat, message, ...rest }: Omit<MessageRowProps, "chat"> & { chat: Chat<ChatMessage> }) {
  const [throttle, setThrottle] = useState(STREAM_THROTTLE_MS);
  const { messages } = useChat({ chat, throttle });
  const last = messages.at(-1);
  // Until the stored row says it is final, this tab's copy is the newest one.
  const streaming = rest.busy || message.status === "streaming";
  const parts = streaming && last?.role === "assistant" ? last.parts : message.parts;
  const size = streaming ? textLength(parts) : 0;
  useEffect(() => {
    const next = throttleFor(size);
    if (next !== throttle) setThrottle(next);
  }, [size, throttle]);
  return (
    <AssistantMessage message={message} parts={parts} streaming={streaming} timing={liveTiming(message.id)} {...rest} />
  );
}
