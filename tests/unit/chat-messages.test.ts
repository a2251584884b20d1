import { Chat } from "@ai-sdk/react";
import { describe, expect, it } from "vitest";
import { onChatMessages } from "@/lib/chat/client/sdk-messages";
import type { ChatMessage } from "@/lib/chat/contract";

// The wrapper over the AI SDK's private message subscription: a real `Chat`, its messages changed
// the way the app changes them (assignment before a request), the callback called and then not.

const message = (id: string, text: string): ChatMessage =>
  ({ id, role: "user", parts: [{ type: "text", text }] }) as ChatMessage;

describe("onChatMessages", () => {
  it("calls back when the chat's messages change, until unsubscribed", () => {
    const chat = new Chat<ChatMessage>({});
    let calls = 0;
    const off = onChatMessages(chat, () => calls++);
    chat.messages = [message("a", "one")];
    expect(calls).toBe(1);
    chat.messages = [message("a", "one"), message("b", "two")];
    expect(calls).toBe(2);
    expect(chat.lastMessage?.id).toBe("b");
    off();
    chat.messages = [];
    expect(calls).toBe(2);
  });

  it("throttles when asked: a burst of changes calls back once at first, then once more later", async () => {
    const chat = new Chat<ChatMessage>({});
    let calls = 0;
    const off = onChatMessages(chat, () => calls++, 50);
    for (let i = 0; i < 10; i++) chat.messages = [message(`m${i}`, String(i))];
    const first = calls;
    expect(first).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(calls).toBeGreaterThan(first);
    expect(calls).toBeLessThan(10);
    off();
  });
});
