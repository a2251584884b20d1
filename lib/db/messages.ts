// Messages: stored before sending, saved while streaming (throttled), finished with a final status.

import { Dexie } from "dexie";
import { addUsage, autoTitle } from "./conversations";
import { monotonicNow, newMessageId, TAB_ID } from "./ids";
import type { AppDB, Conversation, Message, MessageError, MessagePart, MessageStatus, ModelRef, Usage } from "./schema";
import { withQuotaGuard } from "./storage";
import { claimTabLock } from "./tabs";
import { tokenize, tokenizeInSlices } from "./tokenize";

export interface NewUserMessage {
  /** Defaults to newMessageId(conversationId); pass the same id to the AI SDK message. */
  id?: string;
  conversationId: string;
  /** The previous message on the branch (null for the first); an edit uses the edited message's parent. */
  parentId: string | null;
  parts: MessagePart[];
  text: string;
}

/** Changes to the conversation row when a message lands: activity time, shown branch, first title. */
function touchConversation(c: Conversation, leafId: string, now: number, titleText?: [string, string]): void {
  c.updatedAt = now;
  c.activeLeafId = leafId;
  if (titleText && c.titleSource === "auto" && !c.title) {
    const title = autoTitle(titleText[0], titleText[1]);
    if (title) {
      c.title = title;
      c.words = tokenize(title);
    }
  }
}

async function requireConversation(db: AppDB, id: string): Promise<void> {
  if (!(await db.conversations.get(id))) throw new Error(`Conversation ${id} does not exist`);
}

/** Stores the user's message (call before sending, so a failed request never loses it). */
export async function addUserMessage(db: AppDB, input: NewUserMessage): Promise<Message> {
  const now = monotonicNow();
  const message: Message = {
    id: input.id ?? newMessageId(input.conversationId),
    conversationId: input.conversationId,
    parentId: input.parentId,
    role: "user",
    parts: input.parts,
    text: input.text,
    status: "complete",
    createdAt: now,
    updatedAt: now,
    words: tokenize(input.text),
  };
  await withQuotaGuard(() =>
    db.transaction("rw", [db.conversations, db.messages], async () => {
      await requireConversation(db, input.conversationId);
      await db.messages.add(message);
      await db.conversations
        .where("id")
        .equals(input.conversationId)
        .modify((c) => touchConversation(c, message.id, now, [input.text, ""]));
    }),
  );
  return message;
}

export interface NewAssistantMessage {
  id?: string;
  conversationId: string;
  /** The user message answered; a regenerate uses the same parent as the earlier answer. */
  parentId: string;
  model?: ModelRef;
  parts?: MessagePart[];
  text?: string;
}

/** Creates the reply row (status "streaming") before the first token arrives. */
export async function startAssistantMessage(db: AppDB, input: NewAssistantMessage): Promise<Message> {
  claimTabLock();
  const now = monotonicNow();
  const message: Message = {
    id: input.id ?? newMessageId(input.conversationId),
    conversationId: input.conversationId,
    parentId: input.parentId,
    role: "assistant",
    parts: input.parts ?? [],
    text: input.text ?? "",
    status: "streaming",
    createdAt: now,
    updatedAt: now,
    streamOwner: TAB_ID,
    words: [],
  };
  if (input.model) message.model = input.model;
  await withQuotaGuard(() =>
    db.transaction("rw", [db.conversations, db.messages], async () => {
      await requireConversation(db, input.conversationId);
      await db.messages.add(message);
      await db.conversations
        .where("id")
        .equals(input.conversationId)
        .modify((c) => touchConversation(c, message.id, now));
    }),
  );
  return message;
}

/**
 * "Continue" on an interrupted or stopped reply: the same row streams again (owned by this tab);
 * save the full text so far plus the continuation through a new throttled saver.
 */
export async function resumeAssistantMessage(db: AppDB, messageId: string): Promise<Message | undefined> {
  claimTabLock();
  let resumed: Message | undefined;
  await withQuotaGuard(() =>
    db.transaction("rw", db.messages, async () => {
      const m = await db.messages.get(messageId);
      if (m?.role !== "assistant") return;
      resumed = { ...m, status: "streaming", streamOwner: TAB_ID, updatedAt: monotonicNow() };
      delete resumed.error;
      delete resumed.finishReason;
      await db.messages.put(resumed);
    }),
  );
  return resumed;
}

export function getMessage(db: AppDB, id: string): Promise<Message | undefined> {
  return db.messages.get(id);
}

/** Every message of a conversation (all branches), oldest first, straight off the compound index. */
export function getConversationMessages(db: AppDB, conversationId: string): Promise<Message[]> {
  return db.messages
    .where("[conversationId+createdAt]")
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey], true, true)
    .toArray();
}

export interface StreamSnapshot {
  parts: MessagePart[];
  text: string;
  usage?: Usage;
}

export type FinalStatus = Exclude<MessageStatus, "streaming">;

export interface FinishExtra {
  parts?: MessagePart[];
  text?: string;
  usage?: Usage;
  error?: MessageError;
  finishReason?: string;
  reasoningMs?: number;
  model?: ModelRef;
  contextTrimmed?: number;
  /** The request's speed figures (ChatMetadata firstTokenMs / durationMs). */
  firstTokenMs?: number;
  durationMs?: number;
  playground?: Message["playground"];
}

/** The stored row of a reply once final (no database access): the one place that says how. */
export function finishedRow(m: Message, status: FinalStatus, extra: FinishExtra, words?: string[]): Message {
  const text = extra.text ?? m.text;
  const next: Message = { ...m, status, text, parts: extra.parts ?? m.parts, updatedAt: monotonicNow() };
  next.words = words ?? tokenize(text);
  delete next.streamOwner;
  // `extra.usage` is this request's usage: a continued reply adds to what it had.
  if (extra.usage) next.usage = addUsage(m.usage, extra.usage);
  if (extra.error) next.error = extra.error;
  if (extra.finishReason) next.finishReason = extra.finishReason;
  if (extra.reasoningMs !== undefined) next.reasoningMs = extra.reasoningMs;
  if (extra.model) next.model = extra.model;
  if (extra.durationMs !== undefined) {
    // The speed of the request that just ended: a continued reply's last run, not a mix of two.
    next.durationMs = extra.durationMs;
    if (extra.firstTokenMs !== undefined) next.firstTokenMs = extra.firstTokenMs;
    else delete next.firstTokenMs;
  }
  if (extra.contextTrimmed) next.contextTrimmed = extra.contextTrimmed;
  else if (extra.contextTrimmed === 0) delete next.contextTrimmed;
  if (extra.playground) next.playground = { ...m.playground, ...extra.playground };
  return next;
}

/** Marks a reply final, indexes its text, and credits usage and the first title to its conversation. */
export async function finishAssistantMessage(
  db: AppDB,
  messageId: string,
  status: FinalStatus,
  extra: FinishExtra = {},
): Promise<void> {
  // Indexed before the transaction (which cannot wait on timers): a long reply is tokenized in
  // slices instead of one long task at the moment the reader sees it finish.
  const words = extra.text !== undefined ? await tokenizeInSlices(extra.text) : undefined;
  await withQuotaGuard(() =>
    db.transaction("rw", [db.conversations, db.messages], async () => {
      const m = await db.messages.get(messageId);
      if (!m) return;
      const next = finishedRow(m, status, extra, words);
      const text = next.text;
      await db.messages.put(next);
      const question = m.parentId ? await db.messages.get(m.parentId) : undefined;
      await db.conversations
        .where("id")
        .equals(m.conversationId)
        .modify((c) => {
          touchConversation(c, c.activeLeafId ?? messageId, next.updatedAt, [question?.text ?? "", text]);
          if (extra.usage) c.usage = addUsage(c.usage, extra.usage);
        });
    }),
  );
}
