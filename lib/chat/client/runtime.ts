// The AI SDK's client (Chat, its transport and the zod schemas it checks the stream with) is
// about a quarter of the chat page's JavaScript and is not needed to show history. It loads
// at the reader's first key or press (components/chat/use-intent-preload.ts), or at the first send.

import type { Chat } from "@ai-sdk/react";
import type { ChatMessage } from "@/lib/chat/contract";

type Runtime = typeof import("./run");

let runtime: Promise<Runtime> | undefined;

export function loadChatRuntime(): Promise<Runtime> {
  if (!runtime) {
    runtime = import("./run");
    // A failed chunk load (offline, a deploy replaced the files) may work on the next try.
    runtime.catch(() => {
      runtime = undefined;
    });
  }
  return runtime;
}

/** Starts loading `load` once the page is idle (or after `timeoutMs` at most). */
export function whenIdle(load: () => unknown, timeoutMs = 1500): () => void {
  if (typeof window === "undefined") return () => {};
  const run = () => {
    void Promise.resolve()
      .then(load)
      .catch(() => {});
  };
  if ("requestIdleCallback" in window) {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 200);
  return () => clearTimeout(handle);
}

// The registry of runtime objects: the `Chat` of each conversation that ran a request in this page,
// by conversation id. Kept out of the sessions store, whose state is plain data (busy, replyId):
// components subscribe to that, and hand the Chat to the live row that streams it.
const chats = new Map<string, Chat<ChatMessage>>();

/** The Chat of a conversation, if it ever ran a request in this page. */
export function sessionChat(conversationId: string): Chat<ChatMessage> | undefined {
  return chats.get(conversationId);
}

export function registerChat(conversationId: string, chat: Chat<ChatMessage>): Chat<ChatMessage> {
  chats.set(conversationId, chat);
  return chat;
}
