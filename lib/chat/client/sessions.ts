// In-flight chat replies, keyed by conversation id: plain flags here (initial state, actions,
// selectors), the AI SDK `Chat` of each conversation in the registry of runtime.ts. Both live outside
// React, so a reply keeps streaming while the user switches conversation or page.
// Every action stores first (user message, reply row) and streams second; see run.ts.

import { create } from "zustand";
import type { ChatModelRef, ChatSettings } from "@/lib/chat/contract";
import { type PlaygroundSettings, playgroundRequest } from "@/lib/chat/playground/settings";
import { reconcileSettings } from "@/lib/chat/reconcile";
import {
  addUserMessage,
  attachmentUrl,
  createConversation,
  getConversation,
  getConversationMessages,
  getDB,
  getThread,
  type Message,
  type MessagePart,
  newMessageId,
  resumeAssistantMessage,
  saveAttachment,
  startAssistantMessage,
} from "@/lib/db";
import { AppError, type AppErrorJSON } from "@/lib/errors";
import { currentModels } from "@/lib/providers/client/models";
import { webSearchRequested } from "@/lib/search/client/store";
import type { ImageDetail } from "@/lib/vision/tokens";
import { yieldToMain } from "@/lib/yield";
import { pathTo, reasoningOfParts } from "./convert";
import { modelInfo } from "./models";
import type { RunOutcome } from "./run";
import { loadChatRuntime, registerChat, sessionChat } from "./runtime";

interface SessionInfo {
  /** A request is running for this conversation. */
  busy: boolean;
  /** The stored reply that this session streams or streamed last; its live content is in the Chat. */
  replyId: string | null;
  /** How the last request ended (a comparison's scheduler reads it: whose 429, Retry-After). */
  outcome?: RunOutcome;
  /** The model of the running request (a comparison counts them against per-model limits). */
  model?: ChatModelRef;
}

interface SessionsState {
  sessions: Record<string, SessionInfo>;
  /** A failure outside any reply (disk full while saving, …): shown once, above the thread. */
  storageError: AppErrorJSON | null;
}

const initialSessionsState: SessionsState = { sessions: {}, storageError: null };

interface SessionsActions {
  clearStorageError: () => void;
  /** Stores the question, starts the reply, and returns the conversation id (new when none was given). */
  send: (input: SendInput) => Promise<string>;
  regenerate: (replyId: string) => Promise<void>;
  edit: (userMessageId: string, text: string) => Promise<void>;
  continueReply: (replyId: string) => Promise<void>;
  /** Every tool call of the reply's last step has its result: the model answers with them. */
  continueWithToolResults: (replyId: string) => Promise<void>;
  /** Prefix completion: a new version of the reply that starts with `prefix` and continues it. */
  continueFromHere: (replyId: string, prefix: string) => Promise<void>;
  retry: (replyId: string) => Promise<void>;
  stop: (conversationId: string) => void;
}

interface SendInput {
  conversationId?: string;
  text: string;
  /** For a new conversation: the model and settings chosen before it existed. */
  model: ChatModelRef;
  settings?: ChatSettings;
  /** Images already prepared (lib/vision/prepare.ts); stored with the message, sent inline. */
  images?: OutgoingImage[];
  /** For a new conversation: its tool definitions and JSON mode, chosen before it existed. */
  playground?: PlaygroundSettings;
}

export interface OutgoingImage {
  blob: Blob;
  name: string;
  width: number;
  height: number;
  /** SiliconFlow's image `detail`; left out for GLM. */
  detail?: ImageDetail;
}

const pendingStops = new Set<string>();

/**
 * The settings as sent: only what this model takes, each value fitted to its range. A model switched
 * after the settings were made may take narrower ranges: such a value is clamped (the composer said so
 * when the model changed, see lib/chat/reconcile.ts), never dropped.
 */
function requestSettings(model: ChatModelRef, settings: ChatSettings | undefined): ChatSettings {
  if (!settings) return {};
  return reconcileSettings(modelInfo(currentModels("chat").models, model), settings).settings;
}

export const useChatSessions = create<SessionsState & SessionsActions>()((set, get) => {
  const patch = (conversationId: string, info: Partial<SessionInfo>) =>
    set((s) => ({
      sessions: {
        ...s.sessions,
        [conversationId]: { busy: false, replyId: null, ...s.sessions[conversationId], ...info },
      },
    }));

  const isBusy = (conversationId: string) => get().sessions[conversationId]?.busy === true;

  /** Buttons fire these without awaiting: a failure (e.g. a full disk) is shown, not thrown away. */
  const guarded =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await fn(...args);
      } catch (err) {
        set({ storageError: AppError.from(err).toJSON() });
      }
    };

  /** Runs one request for a stored reply row and keeps the session's flags right whatever happens. */
  const run = async (
    conversationId: string,
    replyId: string,
    thread: Message[],
    model: ChatModelRef,
    settings: ChatSettings | undefined,
    options: { continuing?: boolean; keepReasoningMs?: boolean; playground?: PlaygroundSettings; prefix?: string } = {},
  ): Promise<RunOutcome> => {
    patch(conversationId, { busy: true, replyId, outcome: undefined, model });
    let outcome: RunOutcome | undefined;
    try {
      await yieldToMain();
      const { createSessionChat, runReply } = await loadChatRuntime();
      let chat = sessionChat(conversationId);
      if (!chat) {
        chat = registerChat(conversationId, createSessionChat(conversationId));
        // Rows read the Chat from the map: draw them again now that it exists.
        patch(conversationId, { busy: true, replyId });
      }
      if (pendingStops.delete(conversationId)) queueMicrotask(() => void chat.stop());
      outcome = await runReply({
        db: getDB(),
        chat,
        replyId,
        thread,
        body: {
          model,
          settings: requestSettings(model, settings),
          continue: options.continuing || undefined,
          ...playgroundRequest(modelInfo(currentModels("chat").models, model), options.playground),
          ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
          webSearch: webSearchRequested() || undefined,
        },
        keepReasoningMs: options.keepReasoningMs,
        onStorageError: (error) => set({ storageError: error }),
      });
      return outcome;
    } finally {
      patch(conversationId, { busy: false, outcome });
    }
  };

  /** The conversation's model and settings, falling back to the reply's own model. */
  const context = async (conversationId: string, fallback?: ChatModelRef) => {
    const db = getDB();
    const conversation = await getConversation(db, conversationId);
    if (!conversation) throw new Error(`Conversation ${conversationId} does not exist`);
    const all = await getConversationMessages(db, conversationId);
    const model = conversation.model ?? fallback ?? currentModels("chat").models[0];
    if (!model) throw new Error("No chat model is available");
    return {
      db,
      conversation,
      all,
      model: { provider: model.provider, id: model.id },
      settings: conversation.settings,
      playground: conversation.playground,
    };
  };

  /** A new reply under `parentId` (a user message), streamed from the thread that ends there. */
  const answer = async (conversationId: string, parentId: string, fallback?: ChatModelRef) => {
    const { db, all, model, settings, playground } = await context(conversationId, fallback);
    const reply = await startAssistantMessage(db, { conversationId, parentId, model });
    void run(conversationId, reply.id, pathTo(all, parentId), model, settings, { playground });
  };

  /**
   * Continue and the tool results' answer both resume the stored reply in place: the thread up to
   * the reply's question, then the reply itself (so the answer streams into it). Undefined when the
   * reply is not an assistant row, its conversation is busy, or the row could not be resumed.
   */
  const resumeThread = async (replyId: string) => {
    const db = getDB();
    const row = await db.messages.get(replyId);
    if (row?.role !== "assistant" || isBusy(row.conversationId)) return undefined;
    const { all, model, settings, playground } = await context(row.conversationId, row.model);
    const resumed = await resumeAssistantMessage(db, replyId);
    if (!resumed) return undefined;
    const thread = pathTo(all, row.parentId).concat(resumed);
    return { row, thread, model, settings, playground };
  };

  return {
    ...initialSessionsState,
    clearStorageError: () => set({ storageError: null }),

    send: async ({ conversationId, text, model, settings, images = [], playground }) => {
      const db = getDB();
      let id = conversationId;
      if (!id) id = (await createConversation(db, { model, settings, playground })).id;
      if (isBusy(id)) throw new Error("A reply is still streaming in this conversation");
      const conversation = await getConversation(db, id);
      const all = await getConversationMessages(db, id);
      const parent = getThread(all, conversation?.activeLeafId).at(-1) ?? null;
      // Stored before anything is sent: a failed request never loses what the user typed.
      const messageId = newMessageId(id);
      const fileParts: MessagePart[] = [];
      for (const image of images) {
        const row = await saveAttachment(db, {
          messageId,
          conversationId: id,
          blob: image.blob,
          name: image.name,
          width: image.width,
          height: image.height,
        });
        const part: MessagePart = {
          type: "file",
          mediaType: row.mime,
          filename: image.name,
          url: attachmentUrl(row.id),
        };
        if (image.detail) part.providerMetadata = { openaiCompatible: { detail: image.detail } };
        fileParts.push(part);
      }
      const user = await addUserMessage(db, {
        id: messageId,
        conversationId: id,
        parentId: parent?.id ?? null,
        parts: [...fileParts, ...(text ? [{ type: "text", text }] : [])],
        text,
      });
      const sendModel = conversation?.model ?? model;
      const reply = await startAssistantMessage(db, { conversationId: id, parentId: user.id, model: sendModel });
      const thread = [...(parent ? pathTo(all, parent.id) : []), user];
      void run(id, reply.id, thread, sendModel, conversation?.settings ?? settings, {
        playground: conversation ? conversation.playground : playground,
      });
      return id;
    },

    regenerate: guarded(async (replyId) => {
      const db = getDB();
      const reply = await db.messages.get(replyId);
      if (!reply?.parentId || isBusy(reply.conversationId)) return;
      await answer(reply.conversationId, reply.parentId, reply.model);
    }),

    edit: guarded(async (userMessageId, text) => {
      const db = getDB();
      const original = await db.messages.get(userMessageId);
      if (original?.role !== "user" || isBusy(original.conversationId)) return;
      // The edit is a sibling of the original: the old branch stays reachable through 1/2.
      const user = await addUserMessage(db, {
        conversationId: original.conversationId,
        parentId: original.parentId,
        parts: [...original.parts.filter((p) => p.type === "file"), { type: "text", text }],
        text,
      });
      await answer(original.conversationId, user.id);
    }),

    continueReply: guarded(async (replyId) => {
      const resumed = await resumeThread(replyId);
      if (!resumed) return;
      const { row, thread, model, settings, playground } = resumed;
      void run(row.conversationId, replyId, thread, model, settings, {
        continuing: true,
        keepReasoningMs: row.reasoningMs !== undefined,
        playground,
      });
    }),

    continueWithToolResults: guarded(async (replyId) => {
      // The reply itself goes last, with its calls and their results; the answer streams into it.
      const resumed = await resumeThread(replyId);
      if (!resumed) return;
      const { row, thread, model, settings, playground } = resumed;
      void run(row.conversationId, replyId, thread, model, settings, {
        keepReasoningMs: row.reasoningMs !== undefined,
        playground,
      });
    }),

    continueFromHere: guarded(async (replyId, prefix) => {
      const db = getDB();
      const row = await db.messages.get(replyId);
      if (row?.role !== "assistant" || !row.parentId || isBusy(row.conversationId)) return;
      const { all, model, settings, playground } = await context(row.conversationId, row.model);
      // A new version beside the original, as Regenerate makes: the text before the edit stays reachable.
      const reply = await startAssistantMessage(db, {
        conversationId: row.conversationId,
        parentId: row.parentId,
        model,
      });
      void run(row.conversationId, reply.id, pathTo(all, row.parentId), model, settings, { playground, prefix });
    }),

    retry: guarded(async (replyId) => {
      const db = getDB();
      const row = await db.messages.get(replyId);
      if (!row?.parentId || row.role !== "assistant" || isBusy(row.conversationId)) return;
      // A reply that never got a word is simply asked again in place; one with text keeps it and
      // gets a new version beside it (an error never removes an answer already received).
      if (row.text.trim() || reasoningOfParts(row.parts).trim()) {
        await answer(row.conversationId, row.parentId, row.model);
        return;
      }
      const { all, model, settings, playground } = await context(row.conversationId, row.model);
      if (!(await resumeAssistantMessage(db, replyId))) return;
      void run(row.conversationId, replyId, pathTo(all, row.parentId), model, settings, { playground });
    }),

    stop: (conversationId) => {
      const chat = sessionChat(conversationId);
      if (chat) void chat.stop();
      // Stop pressed while the runtime was still loading: the request stops as soon as it starts.
      else if (isBusy(conversationId)) pendingStops.add(conversationId);
    },
  };
});

export const selectSession = (conversationId: string | undefined) => (s: SessionsState) =>
  conversationId ? s.sessions[conversationId] : undefined;
export const selectIsBusy = (conversationId: string) => (s: SessionsState) => s.sessions[conversationId]?.busy === true;
/** Whether any of these conversations has a request running (a comparison's columns). */
export const selectAnyBusy = (conversationIds: readonly string[]) => (s: SessionsState) =>
  conversationIds.some((id) => s.sessions[id]?.busy === true);
/** The conversations with a request running; use with `useShallow` (a new array each time). */
export const selectStreamingIds = (s: SessionsState) =>
  Object.keys(s.sessions).filter((id) => s.sessions[id]?.busy === true);
export const selectStorageError = (s: SessionsState) => s.storageError;
