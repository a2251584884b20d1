import type { Chat } from "@ai-sdk/react";
import type { ChatMessage } from "@/lib/chat/contract";

// The one place that uses the AI SDK's private subscription to a `Chat`'s messages. The SDK's only
// public way to follow them is the `useChat` hook, which re-renders its component on every
// (throttled) change; the saver, the thinking timer and the live reply's turn-taking redraw
// (components/chat/live-frames.ts) need a plain callback outside render. `useChat` itself is built
// on this method. tests/unit/chat-messages.test.ts fails if an SDK update renames or changes it.

/** Calls `onChange` after the chat's messages change (at most every `throttleMs`); returns the unsubscribe. */
export function onChatMessages(chat: Chat<ChatMessage>, onChange: () => void, throttleMs?: number): () => void {
  return chat["~registerMessagesCallback"](onChange, throttleMs);
}
