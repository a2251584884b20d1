"use client";

import { lazy, memo, Suspense } from "react";
import type { MessageRowProps } from "./message-row-props";
import { UserMessage } from "./user-message";

// A reply's renderer (markdown, tool calls, JSON view, reasoning) is a chunk of its own: a new chat
// does not show one until its first reply, so it is not in /chat's first load (issue 25). A page that
// opens a conversation starts loading it at once (chat-view); the first key or press brings it otherwise.
const loadAssistantMessage = () => import("./assistant-message");
const AssistantMessage = lazy(() => loadAssistantMessage().then((m) => ({ default: m.AssistantMessage })));
export const preloadAssistantMessage = loadAssistantMessage;

// Only a reply streaming in this tab needs the AI SDK; it arrives with the chat runtime.
const loadLiveAssistant = () => import("./live-assistant");
const LiveAssistant = lazy(loadLiveAssistant);
export const preloadLiveAssistant = loadLiveAssistant;

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
    a.liveConversationId === b.liveConversationId
  );
}

export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, liveConversationId, ...rest } = props;
  if (message.role === "user") return <UserMessage message={message} {...rest} />;
  // A finished reply: stored parts, rendered once (memo), no subscription. Until the renderer's chunk
  // is here the row stays empty (rather than showing raw markdown that would then reflow).
  if (!liveConversationId)
    return (
      <Suspense fallback={null}>
        <AssistantMessage message={message} parts={message.parts} streaming={false} {...rest} />
      </Suspense>
    );
  const stored = (
    <AssistantMessage
      message={message}
      parts={message.parts}
      streaming={rest.busy || message.status === "streaming"}
      {...rest}
    />
  );
  return (
    <Suspense fallback={null}>
      <Suspense fallback={stored}>
        <LiveAssistant conversationId={liveConversationId} message={message} {...rest} />
      </Suspense>
    </Suspense>
  );
}, sameRow);
