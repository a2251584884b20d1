// One reply request, end to end: the AI SDK `Chat` streams it, a throttled saver writes it to
// IndexedDB while it arrives, and the outcome (complete, stopped, interrupted, failed) is stored
// with its usage, finish reason and thinking time. Nothing here touches React.

import { Chat } from "@ai-sdk/react";
import { type ChatOnFinishCallback, DefaultChatTransport } from "ai";
import type { ChatMessage, ChatModelRef, ChatSettings } from "@/lib/chat/contract";
import { playgroundMetadataOf } from "@/lib/chat/playground/client/metadata";
import type { PlaygroundRequest } from "@/lib/chat/playground/settings";
import {
  type AppDB,
  createThrottledSaver,
  dropReplySnapshot,
  type FinalStatus,
  type FinishExtra,
  finishedRow,
  getDB,
  isQuotaError,
  keepReplySnapshot,
  type Message,
  quotaError,
} from "@/lib/db";
import type { AppErrorJSON } from "@/lib/errors";
import { inlineAttachments } from "@/lib/vision/resolve";
import { forRequest, textOfParts, toAppErrorJSON, toMessageError, toStoredParts, toUIMessage } from "./convert";
import { onChatMessages } from "./sdk-messages";
import { type LiveTiming, timings } from "./timing";

type FinishEvent = Parameters<ChatOnFinishCallback<ChatMessage>>[0];

export interface RequestBody extends PlaygroundRequest {
  model: ChatModelRef;
  settings?: ChatSettings;
  continue?: boolean;
  /** Prefix completion ("Continue from here"): the reply starts with this text. */
  prefix?: string;
  /** Ground the reply in a web search (lib/search). */
  webSearch?: boolean;
}

const finishEvents = new WeakMap<Chat<ChatMessage>, FinishEvent>();

/** A Chat per conversation; it lives in the session store, so a reply survives navigation. */
export function createSessionChat(conversationId: string): Chat<ChatMessage> {
  let chat: Chat<ChatMessage> | undefined;
  chat = new Chat<ChatMessage>({
    id: conversationId,
    transport: new DefaultChatTransport<ChatMessage>({
      api: "/api/chat",
      prepareSendMessagesRequest: async ({ id, messages, body, trigger }) => {
        const extra = (body ?? {}) as Partial<RequestBody>;
        const continuing = extra.continue === true;
        return {
          body: {
            id,
            // Stored images (attachment:<id>) are read from IndexedDB and sent inline.
            messages: await inlineAttachments(getDB(), forRequest(messages, continuing)),
            model: extra.model,
            ...(extra.settings && Object.keys(extra.settings).length ? { settings: extra.settings } : {}),
            trigger,
            ...(continuing ? { continue: true } : {}),
            ...(extra.tools ? { tools: extra.tools } : {}),
            ...(extra.jsonMode ? { jsonMode: extra.jsonMode } : {}),
            ...(extra.prefix !== undefined ? { prefix: extra.prefix } : {}),
            ...(extra.webSearch ? { webSearch: true } : {}),
          },
        };
      },
    }),
    onFinish: (event) => {
      if (chat) finishEvents.set(chat, event);
    },
  });
  return chat;
}

// A page that is going away aborts its fetches; that is not the user's Stop. Leave such a reply
// "streaming" (its text is flushed) so the next start marks it interrupted and offers Continue.
let unloading = false;
let unloadWatch = false;
function watchUnload(): void {
  if (unloadWatch || typeof window === "undefined") return;
  unloadWatch = true;
  window.addEventListener("pagehide", () => {
    unloading = true;
  });
  window.addEventListener("pageshow", () => {
    unloading = false;
  });
}

export interface RunInput {
  db: AppDB;
  chat: Chat<ChatMessage>;
  /** The stored reply row (status "streaming") that this request fills. */
  replyId: string;
  /** The request thread, root first; when continuing it ends with the reply itself. */
  thread: Message[];
  body: RequestBody;
  /** Keep the stored thinking time (a continued reply already has one). */
  keepReasoningMs?: boolean;
  onStorageError?: (error: AppErrorJSON) => void;
}

export interface RunOutcome {
  status: FinalStatus | "abandoned";
  error?: AppErrorJSON;
}

// Only a broken connection leaves a reply worth continuing; other failures keep their text as failed.
const CUT_CODES = new Set(["stream_interrupted", "network", "timeout"]);

function outcomeOf(event: FinishEvent | undefined, failure: unknown, hasContent: boolean): RunOutcome {
  if (event?.isAbort) return { status: "stopped" };
  if (event && !event.isError && failure === undefined) return { status: "complete" };
  const error = toAppErrorJSON(failure);
  return { status: hasContent && CUT_CODES.has(error.code) ? "interrupted" : "failed", error };
}

/** What the final write stores besides the status: parts, text, usage, finish reason, thinking time. */
function finishExtraOf(
  message: ChatMessage | undefined,
  body: RequestBody,
  timing: LiveTiming,
  keepReasoningMs: boolean | undefined,
  now: number,
): FinishExtra {
  const meta = message?.metadata ?? {};
  const extra: FinishExtra = { model: meta.model ?? body.model };
  if (message) {
    extra.parts = toStoredParts(message.parts);
    extra.text = textOfParts(message.parts);
  }
  if (meta.usage) extra.usage = meta.usage;
  if (meta.finishReason) extra.finishReason = meta.finishReason;
  if (meta.durationMs !== undefined) {
    extra.durationMs = meta.durationMs;
    if (meta.firstTokenMs !== undefined) extra.firstTokenMs = meta.firstTokenMs;
  }
  const playground = playgroundMetadataOf(meta);
  if (playground) extra.playground = playground;
  // Each request says how many earlier messages it left out; a later one that sent all clears it.
  if (!body.continue || meta.contextTrimmed) extra.contextTrimmed = meta.contextTrimmed ?? 0;
  if (!keepReasoningMs) {
    const measured =
      timing.reasoningStart !== undefined ? (timing.answerStart ?? now) - timing.reasoningStart : undefined;
    const ms = meta.reasoningMs ?? measured;
    if (ms !== undefined) extra.reasoningMs = Math.round(ms);
  }
  return extra;
}

/**
 * The page is going away (or hidden, which on phones often ends the same way): keep what this tab
 * has of the reply right now, synchronously (lib/db/reply-snapshot.ts), instead of trusting the
 * throttled IndexedDB writes to commit in time. A reply whose stream already ended is kept final;
 * one still arriving stays "streaming", so the next start offers Continue with all of it.
 */
function watchPageHide(
  current: () => {
    row: Message | undefined;
    message: ChatMessage | undefined;
    done: boolean;
    extra: () => FinishExtra;
  },
): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  const onHide = () => {
    const { row, message, done, extra } = current();
    if (!row || message?.role !== "assistant") return;
    const parts = toStoredParts(message.parts);
    const text = textOfParts(message.parts);
    keepReplySnapshot(done ? finishedRow(row, "complete", extra()) : { ...row, parts, text, updatedAt: Date.now() });
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") onHide();
  };
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    window.removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}

export async function runReply(input: RunInput): Promise<RunOutcome> {
  const { db, chat, replyId, body } = input;
  watchUnload();
  const continuing = body.continue === true;
  const saver = createThrottledSaver(db, replyId, {
    onError: (err) => input.onStorageError?.(toAppErrorJSON(isQuotaError(err) ? quotaError(err) : err)),
  });
  const timing: LiveTiming = {};
  timings.set(replyId, timing);
  const now = () => performance.now();
  // The stored row as this request began, so a page going away can keep the whole row at once.
  // Read alongside the request, not before it: the first token does not wait for it.
  let row: Message | undefined;
  void db.messages.get(replyId).then(
    (r) => {
      row = r;
    },
    () => {},
  );
  let ended: FinishEvent | undefined;
  let settled = false;
  const offHide = watchPageHide(() => {
    const event = ended ?? finishEvents.get(chat);
    const message = event?.message ?? (chat.lastMessage?.role === "assistant" ? chat.lastMessage : undefined);
    return {
      row: settled ? undefined : row,
      message,
      done: !!event && !event.isAbort && !event.isError,
      extra: () => finishExtraOf(message, body, timing, input.keepReasoningMs, now()),
    };
  });

  // Unthrottled but cheap: only looks at part types, to time the thinking precisely.
  const offTiming = onChatMessages(chat, () => {
    const m = chat.lastMessage;
    if (m?.role !== "assistant" || continuing) return;
    if (timing.reasoningStart === undefined && m.parts.some((p) => p.type === "reasoning" && p.text))
      timing.reasoningStart = now();
    if (timing.answerStart === undefined && m.parts.some((p) => p.type === "text" && p.text))
      timing.answerStart = now();
  });
  // The saver coalesces writes itself; this throttle only spares building snapshots per token.
  const offSave = onChatMessages(
    chat,
    () => {
      const m = chat.lastMessage;
      if (m?.role === "assistant") saver.save({ parts: toStoredParts(m.parts), text: textOfParts(m.parts) });
    },
    200,
  );

  chat.messages = input.thread.map(toUIMessage);
  let thrown: unknown;
  try {
    await chat.sendMessage(undefined, { body });
  } catch (err) {
    thrown = err;
  }
  offTiming();
  offSave();
  const event = finishEvents.get(chat);
  ended = event;
  finishEvents.delete(chat);
  const failure = thrown ?? (event?.isError ? chat.error : undefined);
  chat.clearError();

  if (unloading) {
    await saver.flush();
    offHide();
    return { status: "abandoned" };
  }

  const message = event?.message ?? (chat.lastMessage?.role === "assistant" ? chat.lastMessage : undefined);
  const hasContent = !!message?.parts.some((p) => (p.type === "text" || p.type === "reasoning") && p.text);
  const outcome = outcomeOf(event, failure, hasContent);

  const extra = finishExtraOf(message, body, timing, input.keepReasoningMs, now());
  if (outcome.error) extra.error = toMessageError(outcome.error);

  try {
    await saver.finish(outcome.status as FinalStatus, extra);
    settled = true;
    dropReplySnapshot(replyId);
  } catch (err) {
    input.onStorageError?.(toAppErrorJSON(err));
  } finally {
    offHide();
    // The live pane reads the timing until the stored row (with reasoningMs) replaces it.
    setTimeout(() => timings.delete(replyId), 10_000);
  }
  // An idle session only needs the last reply (shown until the stored row catches up).
  chat.messages = chat.messages.slice(-1);
  return outcome;
}
